using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json;
using Spectre.Console;
using Switchyard.Caching.Embeddings;
using Switchyard.Caching.Vectors;
using Switchyard.Cli.Output;

namespace Switchyard.Cli.Commands;

/// <summary>
/// <c>switchyard bench cache --entries N --dims D</c>: fills one tenant's shards (the same vector index
/// the cache shards use, in process) with embeddings of generated questions, then times semantic
/// lookups of rewordings fanned out over the shards in parallel, and checks each answer against an
/// exact brute-force search in the same run.
/// </summary>
internal static class BenchCommand
{
    private const int WarmupQueries = 200;

    /// <summary>Defines <c>bench</c> and its subcommands.</summary>
    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var entries = Positive(new Option<int>("--entries") { Description = "Entries to index.", DefaultValueFactory = _ => 100_000 });
        var dims = Positive(new Option<int>("--dims") { Description = "Embedding dimensions.", DefaultValueFactory = _ => HashingEmbeddingGenerator.DefaultDimensions });
        var queries = Positive(new Option<int>("--queries") { Description = "Lookups to time.", DefaultValueFactory = _ => 1000 });
        var shards = Positive(new Option<int>("--shards") { Description = "Shards the tenant's entries spread over.", DefaultValueFactory = _ => 4 });
        var seed = new Option<int>("--seed") { Description = "Seed of the generated questions.", DefaultValueFactory = _ => 42 };
        var probes = Positive(new Option<int>("--probes") { Description = "Lists a partitioned shard visits per lookup.", DefaultValueFactory = _ => VectorIndex.DefaultProbes });
        var rerank = Positive(new Option<int>("--rerank") { Description = "First-pass candidates re-scored exactly after a full scan (a smaller scan re-scores proportionally fewer, at least 16).", DefaultValueFactory = _ => VectorIndex.DefaultRerankCandidates });
        var maxListLength = Positive(new Option<int>("--max-list-length") { Description = "The longest a shard's list grows before it is split.", DefaultValueFactory = _ => VectorIndex.DefaultMaxListLength });
        var threshold = new Option<float>("--threshold") { Description = "The cache's similarity threshold: hit recall counts the queries whose exact neighbour reaches it.", DefaultValueFactory = _ => HashingEmbeddingGenerator.DefaultThreshold };
        threshold.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<float>() is not (> -1f and <= 1f))
            {
                r.AddError("--threshold must be above -1 and at most 1.");
            }
        });
        var sequential = new Option<bool>("--sequential") { Description = "Fill and search the shards one after another on one thread instead of in parallel, and report the most CPU time one add took." };

        var cache = new Command("cache", "Time semantic cache lookups at scale, with recall against exact search.")
        {
            entries, dims, queries, shards, seed, probes, rerank, maxListLength, threshold, sequential,
        };
        cache.SetAction(parse =>
        {
            var settings = new BenchSettings(
                parse.GetValue(entries), parse.GetValue(dims), parse.GetValue(queries), parse.GetValue(shards), parse.GetValue(seed), !parse.GetValue(sequential))
            {
                Probes = parse.GetValue(probes),
                Rerank = parse.GetValue(rerank),
                MaxListLength = parse.GetValue(maxListLength),
                Threshold = parse.GetValue(threshold),
            };
            Write(Run(settings, environment.Error), parse.GetValue(global.Output), environment);
            return ExitCodes.Success;
        });
        return new Command("bench", "Benchmark Switchyard: its components in process, and the gateway end to end.")
        {
            cache, BenchGatewayCommand.Create(global, environment), BenchGrainsCommand.Create(global, environment), BenchSnapshotCommand.Create(global, environment),
        };
    }

    /// <summary>Runs the benchmark, reporting progress to <paramref name="progress"/>.</summary>
    public static BenchCacheResult Run(BenchSettings settings, TextWriter progress)
    {
        var embedder = new HashingEmbeddingGenerator(settings.Dims);
        var text = new BenchText(settings.Seed);
        var questions = new string[settings.Entries];
        for (var i = 0; i < questions.Length; i++)
        {
            questions[i] = text.Next();
        }

        const ulong context = 42;
        var indexes = Enumerable.Range(0, settings.Shards).Select(_ => new VectorIndex(settings.Dims, probes: settings.Probes, rerankCandidates: settings.Rerank, maxListLength: settings.MaxListLength)).ToArray();
        var insertTicks = new long[settings.Shards];
        var worstAdd = new long[settings.Shards];
        var worstAddWithoutCollection = new long[settings.Shards];
        var slowAdds = new int[settings.Shards];

        var worstAddCpuNs = 0L;
        var worstAddCpuWithoutCollectionNs = 0L;
        void Fill(int shard, bool measureCpu)
        {
            var vector = new float[settings.Dims];
            var slow = Stopwatch.Frequency / 200;
            for (var i = shard; i < questions.Length; i += settings.Shards)
            {
                embedder.Embed(questions[i], vector);
                var collections = GC.CollectionCount(0);
                var cpuBefore = measureCpu ? ThreadCpuClock.Nanoseconds() : 0;
                var started = Stopwatch.GetTimestamp();
                indexes[shard].Add(vector, context);
                var ticks = Stopwatch.GetTimestamp() - started;
                if (measureCpu)
                {
                    var usedNs = ThreadCpuClock.Nanoseconds() - cpuBefore;
                    worstAddCpuNs = Math.Max(worstAddCpuNs, usedNs);
                    if (GC.CollectionCount(0) == collections)
                    {
                        worstAddCpuWithoutCollectionNs = Math.Max(worstAddCpuWithoutCollectionNs, usedNs);
                    }
                }

                insertTicks[shard] += ticks;
                worstAdd[shard] = Math.Max(worstAdd[shard], ticks);
                slowAdds[shard] += ticks > slow ? 1 : 0;
                if (GC.CollectionCount(0) == collections)
                {
                    worstAddWithoutCollection[shard] = Math.Max(worstAddWithoutCollection[shard], ticks);
                }
            }
        }

        if (settings.Parallel)
        {
            // One thread per shard, as each shard grain is its own activation.
            Parallel.For(0, settings.Shards, shard => Fill(shard, measureCpu: false));
        }
        else
        {
            // One thread fills the shards in turn and reads its own CPU time around each add: the cost of
            // the slowest add, apart from the time the thread waited for a core on a busy machine.
            for (var shard = 0; shard < settings.Shards; shard++)
            {
                Fill(shard, measureCpu: true);
            }
        }

        var bytesPerEntry = (double)indexes.Sum(index => index.AllocatedBytes) / settings.Entries;
        var insertSeconds = insertTicks.Sum() / (double)Stopwatch.Frequency / (settings.Parallel ? Math.Min(settings.Shards, Environment.ProcessorCount) : 1);
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"indexed {settings.Entries} entries in {settings.Shards} shards; slowest add {Milliseconds(worstAdd.Max()):F2} ms, slowest without a collection during it {Milliseconds(worstAddWithoutCollection.Max()):F2} ms, adds over 5 ms: {slowAdds.Sum()}"));
        if (!settings.Parallel && ThreadCpuClock.IsSupported)
        {
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"most CPU time of one add (its thread's): {worstAddCpuNs / 1e6:F2} ms, without a collection during it {worstAddCpuWithoutCollectionNs / 1e6:F2} ms"));
        }
        var lengths = indexes.SelectMany(index => index.ListLengths).ToArray();
        if (lengths.Length > 0)
        {
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"lists: {lengths.Length}, mean length {lengths.Average():F0}, shortest {lengths.Min()}, longest {lengths.Max()}"));
        }

        // The silo runs with Server GC (the web SDK's default); run with DOTNET_gcServer=1 to measure the same.
        progress.WriteLine($"gc: {(GCSettings.IsServerGC ? "server" : "workstation")}, {GCSettings.LatencyMode}");

        // Warm-up, untimed: a silo's lookups run jitted, optimised code after its first few requests; without
        // this the first timed lookups run unoptimised (tier-0) code and the p99 measures the JIT, not the index.
        // The inserts leave gigabytes of garbage and a background collection possibly still running; a
        // silo in steady state does not pay for them during lookups, so collect them before timing.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var fanOut = new ShardFanOut(indexes);
        var warmup = new float[settings.Dims];
        var warmupText = new BenchText(settings.Seed + 1);
        for (var q = 0; q < WarmupQueries; q++)
        {
            embedder.Embed(warmupText.Reword(questions[(int)((long)(q + 1) * 104_729 % settings.Entries)]), warmup);
            fanOut.Search(warmup, context);
        }

        var fast = new double[settings.Queries];
        var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

        // CPU time of the process during each lookup (all its threads): the work a lookup does, apart
        // from the time it waits for a core on a busy machine.
        var cpu = new double[settings.Queries];
        var exact = new double[settings.Queries];
        var search = new double[settings.Queries];
        var agreed = 0;
        var aboveThreshold = 0;
        var hitsFound = 0;
        var query = new float[settings.Dims];
        (int Shard, VectorMatch Match)? ExactBest() => Best(indexes.Select(index => index.FindNearestExact(query, context)).ToArray());
        for (var q = 0; q < settings.Queries; q++)
        {
            var original = questions[(int)((long)q * 7919 % settings.Entries)];
            embedder.Embed(text.Reword(original), query);

            var cpuBefore = Environment.CpuUsage.TotalTime;
            var clock = Stopwatch.StartNew();
            if (settings.Parallel)
            {
                fanOut.Search(query, context);
            }
            else
            {
                fanOut.SearchSequentially(query, context);
            }

            var best = Best(fanOut.Found);
            fast[q] = clock.Elapsed.TotalMilliseconds;
            search[q] = Milliseconds(fanOut.Ticks.Max());
            cpu[q] = (Environment.CpuUsage.TotalTime - cpuBefore).TotalMilliseconds;

            clock.Restart();
            var truth = ExactBest();
            exact[q] = clock.Elapsed.TotalMilliseconds;

            // Equal similarity counts as agreement: two entries with the same vector are the same answer to the query.
            agreed += best is { } b && truth is { } t && (b == t || b.Match.Similarity >= t.Match.Similarity) ? 1 : 0;

            // A cache answers only from a neighbour at or above its threshold, so the recall that decides hits
            // is measured on queries that have one: the original question retyped (untimed).
            embedder.Embed(BenchText.Retype(original), query);
            fanOut.Search(query, context);
            var retyped = Best(fanOut.Found);
            var retypedTruth = ExactBest();
            if (retypedTruth is { } above && above.Match.Similarity >= settings.Threshold)
            {
                aboveThreshold++;
                hitsFound += retyped is { } found && found.Match.Similarity >= settings.Threshold ? 1 : 0;
            }
        }

        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"collections while timing: gen0 {GC.CollectionCount(0) - collections.Item1}, gen1 {GC.CollectionCount(1) - collections.Item2}, gen2 {GC.CollectionCount(2) - collections.Item3}"));
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cpu per lookup: p50 {Percentile(cpu, 0.50):F2} ms, p99 {Percentile(cpu, 0.99):F2} ms, max {cpu.Max():F2} ms"));
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"slowest shard's search per lookup: p50 {Percentile(search, 0.50):F2} ms, p99 {Percentile(search, 0.99):F2} ms, max {search.Max():F2} ms"));
        var slowest = fast.Select((ms, q) => (ms, q)).OrderByDescending(x => x.ms).Take(5);
        progress.WriteLine("slowest lookups: " + string.Join(", ", slowest.Select(x => string.Create(CultureInfo.InvariantCulture, $"#{x.q} {x.ms:F2} ms (slowest shard {search[x.q]:F2}, cpu {cpu[x.q]:F2})"))));

        return new BenchCacheResult(
            settings.Entries,
            settings.Dims,
            Math.Round(Percentile(fast, 0.50), 3),
            Math.Round(Percentile(fast, 0.99), 3),
            Math.Round((double)agreed / settings.Queries, 4),
            Math.Round((double)aboveThreshold / settings.Queries, 4),
            aboveThreshold == 0 ? 1.0 : Math.Round((double)hitsFound / aboveThreshold, 4),
            Math.Round(Percentile(exact, 0.99), 3),
            Math.Round(bytesPerEntry, 1),
            Math.Round(settings.Entries / insertSeconds, 0));
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static (int Shard, VectorMatch Match)? Best(VectorMatch?[] found)
    {
        (int Shard, VectorMatch Match)? best = null;
        for (var shard = 0; shard < found.Length; shard++)
        {
            if (found[shard] is { } match && (best is null || match.Similarity > best.Value.Match.Similarity))
            {
                best = (shard, match);
            }
        }

        return best;
    }

    private static double Percentile(double[] values, double percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static Option<int> Positive(Option<int> option)
    {
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError($"{option.Name} must be positive.");
            }
        });
        return option;
    }

    private static void Write(BenchCacheResult result, OutputFormat output, CliEnvironment environment)
    {
        if (output == OutputFormat.Json)
        {
            environment.Out.WriteLine(JsonSerializer.Serialize(result, CliJsonContext.Default.BenchCacheResult));
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("cache benchmark").AddColumn("");
        foreach (var (name, value) in new (string, double)[]
        {
            ("entries", result.Entries), ("dims", result.Dims), ("p50 ms", result.P50Ms), ("p99 ms", result.P99Ms),
            ("recall@1", result.RecallAt1), ("above threshold", result.AboveThreshold), ("hit recall", result.HitRecall), ("brute-force p99 ms", result.BruteForceP99Ms),
            ("bytes per entry", result.BytesPerEntry), ("inserts per s", result.InsertsPerSecond),
        })
        {
            table.AddRow(name, value.ToString(CultureInfo.InvariantCulture));
        }

        environment.Console.Write(table);
    }
}
