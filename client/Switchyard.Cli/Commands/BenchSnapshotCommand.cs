using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;
using Switchyard.Caching;
using Switchyard.Caching.Embeddings;
using Switchyard.Cli.Output;
using Switchyard.Completion;
using Switchyard.Routing;

namespace Switchyard.Cli.Commands;

/// <summary>
/// <c>switchyard bench snapshot</c>: fills one cache shard's store and times its snapshot in the two parts
/// the shard grain splits it into: the capture, on the grain's turn (lookups wait for it), and the write
/// of the file, on a thread of its own. Until 2026-11-25 both ran on the grain's turn.
/// </summary>
internal static class BenchSnapshotCommand
{
    /// <summary>Defines <c>bench snapshot</c>.</summary>
    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var entries = new Option<int>("--entries") { Description = "Entries in the shard. Default: 30000.", DefaultValueFactory = _ => 30_000 };
        var rounds = new Option<int>("--rounds") { Description = "Snapshots timed; the medians are reported. Default: 5.", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated questions.", DefaultValueFactory = _ => 42 };
        var command = new Command("snapshot", "Time a cache shard's snapshot: the capture on the grain's turn and the file write off it.")
        {
            entries, rounds, seed,
        };
        command.SetAction(parse =>
        {
            var (count, times) = (parse.GetValue(entries), parse.GetValue(rounds));
            if (count < 1 || times < 1)
            {
                environment.Error.WriteLine("switchyard: --entries and --rounds must be at least 1.");
                return ExitCodes.Failure;
            }

            var directory = Path.Combine(Path.GetTempPath(), $"switchyard-bench-snapshot-{Guid.NewGuid():N}");
            try
            {
                Write(Run(count, times, parse.GetValue(seed), Path.Combine(directory, "shard.snapshot")), parse.GetValue(global.Output), environment);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Fills a shard with <paramref name="entries"/> answers and times <paramref name="rounds"/> snapshots of it to <paramref name="path"/>.</summary>
    public static BenchSnapshotResult Run(int entries, int rounds, int seed, string path)
    {
        var embedder = new HashingEmbeddingGenerator();
        var text = new BenchText(seed);
        var store = new CacheShardStore(long.MaxValue, TimeProvider.System);
        var answer = new string('x', 400);
        for (var i = 0; i < entries; i++)
        {
            var question = text.Next();
            store.Put(new CacheEntryWrite(
                $"{i:x16}", "default", new CachedCompletion(answer, "bench-cheap", ModelTier.Cheap, new TokenUsage(40, 0, 100), "stop", DateTimeOffset.UtcNow),
                TimeSpan.FromHours(1), 42, embedder.Embed(question)));
        }

        var capture = new double[rounds];
        var write = new double[rounds];
        for (var round = 0; round < rounds; round++)
        {
            var started = Stopwatch.GetTimestamp();
            using var captured = store.Capture();
            capture[round] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            started = Stopwatch.GetTimestamp();
            CacheSnapshot.Write(captured, path);
            write[round] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        return new BenchSnapshotResult(entries, new FileInfo(path).Length, Median(capture), Median(write));
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        return Math.Round(values[values.Length / 2], 2);
    }

    private static void Write(BenchSnapshotResult result, OutputFormat output, CliEnvironment environment)
    {
        if (output == OutputFormat.Json)
        {
            environment.Out.WriteLine(JsonSerializer.Serialize(result, CliJsonContext.Default.BenchSnapshotResult));
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("snapshot benchmark").AddColumn("");
        table.AddRow("entries", result.Entries.ToString(CultureInfo.InvariantCulture));
        table.AddRow("file MB", (result.FileBytes / 1e6).ToString("F1", CultureInfo.InvariantCulture));
        table.AddRow("capture ms (on the grain's turn)", result.CaptureMs.ToString(CultureInfo.InvariantCulture));
        table.AddRow("write ms (off it)", result.WriteMs.ToString(CultureInfo.InvariantCulture));
        environment.Console.Write(table);
    }
}

/// <summary>What <c>bench snapshot</c> measured: medians over its rounds.</summary>
internal sealed record BenchSnapshotResult(
    [property: JsonPropertyName("entries")] int Entries,
    [property: JsonPropertyName("file_bytes")] long FileBytes,
    [property: JsonPropertyName("capture_ms")] double CaptureMs,
    [property: JsonPropertyName("write_ms")] double WriteMs);
