using System.CommandLine;
using System.Globalization;
using System.Numerics.Tensors;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Switchyard.Caching.Embeddings;
using Switchyard.Caching.Evaluation;
using Switchyard.Cli.Output;
using Switchyard.Hosting;
using Switchyard.Providers;

namespace Switchyard.Cli.Commands;

/// <summary>
/// <c>switchyard eval cache --pairs FILE.csv</c>: measures the semantic cache's embedder (the local one,
/// or with <c>--embedder</c> an embedding model of the catalog) on labelled pairs, in process (no cluster needed). Without <c>--threshold</c>, the pairs are split by a
/// stable hash: the threshold is calibrated on one half to the false-hit target, and the figures
/// printed are those of the other, held-out half. With <c>--threshold</c>, every pair is scored at it.
/// </summary>
internal static class EvalCacheCommand
{
    /// <summary>Defines <c>eval cache</c>.</summary>
    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var pairs = new Option<FileInfo>("--pairs") { Description = "CSV of question1,question2,is_duplicate.", Required = true };
        var maxFalseHitRate = new Option<double>("--max-false-hit-rate")
        {
            Description = "The false-hit rate the calibrated threshold may reach.",
            DefaultValueFactory = _ => 0.01,
        };
        var threshold = new Option<float?>("--threshold") { Description = "Score every pair at this similarity instead of calibrating." };
        maxFalseHitRate.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is < 0 or >= 1)
            {
                r.AddError("--max-false-hit-rate must be at least 0 and below 1.");
            }
        });
        threshold.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<float?>() is <= 0f or > 1f)
            {
                r.AddError("--threshold must be in (0, 1].");
            }
        });

        var embedder = new Option<string>("--embedder")
        {
            Description = "The embedder: 'hashing' (local), or an embedding model of the catalog, configured as for the silo (Switchyard__Models__<name>__… environment variables).",
            DefaultValueFactory = _ => HashingEmbeddingGenerator.Name,
        };

        var cache = new Command("cache", "Calibrate and measure the semantic cache's threshold on labelled question pairs.")
        {
            pairs, maxFalseHitRate, threshold, embedder,
        };
        cache.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(pairs).FullName, parse.GetValue(maxFalseHitRate), parse.GetValue(threshold), parse.GetValue(global.Output), environment,
            parse.GetValue(embedder)!, new ConfigurationBuilder().AddEnvironmentVariables().Build(), cancellationToken));
        return cache;
    }

    /// <summary>Runs the evaluation with the local embedder; returns the exit code.</summary>
    public static int Run(string path, double maxFalseHitRate, float? threshold, OutputFormat output, CliEnvironment environment) =>
        RunAsync(path, maxFalseHitRate, threshold, output, environment, HashingEmbeddingGenerator.Name, new ConfigurationBuilder().Build(), CancellationToken.None)
            .GetAwaiter().GetResult();

    /// <summary>
    /// Runs the evaluation with the embedder named <paramref name="embedderName"/>, looked up as the silo
    /// looks it up in <paramref name="configuration"/>; returns the exit code.
    /// </summary>
    public static async Task<int> RunAsync(
        string path, double maxFalseHitRate, float? threshold, OutputFormat output, CliEnvironment environment,
        string embedderName, IConfiguration configuration, CancellationToken cancellationToken)
    {
        List<QuestionPair> pairs;
        try
        {
            pairs = PairsFile.Read(path);
        }
        catch (Exception exception) when (exception is FormatException or IOException or UnauthorizedAccessException)
        {
            environment.Error.WriteLine($"error: {exception.Message}");
            return ExitCodes.Failure;
        }

        List<ScoredPair> scored;
        if (embedderName.Equals(HashingEmbeddingGenerator.Name, StringComparison.OrdinalIgnoreCase))
        {
            scored = Score(pairs, new HashingEmbeddingGenerator());
        }
        else
        {
            await using var services = new ServiceCollection().AddSwitchyardGrains(configuration).BuildServiceProvider();
            EmbeddingGeneratorRegistry registry;
            try
            {
                registry = services.GetRequiredService<EmbeddingGeneratorRegistry>();
            }
            catch (OptionsValidationException exception)
            {
                environment.Error.WriteLine($"error: {exception.Message}");
                return ExitCodes.Failure;
            }

            if (!registry.TryGet(embedderName, out var generator))
            {
                environment.Error.WriteLine($"error: no embedding model '{embedderName}' in the catalog (set Switchyard__Models__{embedderName}__Kind=embedding and its provider).");
                return ExitCodes.Failure;
            }

            try
            {
                scored = await ScoreAsync(pairs, generator, cancellationToken);
            }
            catch (ProviderCallException exception)
            {
                environment.Error.WriteLine($"error: {exception.Message}");
                return ExitCodes.Failure;
            }
        }

        var evaluation = threshold is { } fixedThreshold
            ? CacheEvaluation.At(scored, fixedThreshold)
            : CacheEvaluation.At(scored.Where(p => !p.IsCalibration), CacheEvaluation.Calibrate(scored.Where(p => p.IsCalibration), maxFalseHitRate));
        Write(evaluation, output, environment);
        return ExitCodes.Success;
    }

    /// <summary>Each pair's similarity under <paramref name="embedder"/>; identical questions are exact hits (1).</summary>
    public static List<ScoredPair> Score(IReadOnlyList<QuestionPair> pairs, HashingEmbeddingGenerator embedder)
    {
        var first = new float[embedder.Dimensions];
        var second = new float[embedder.Dimensions];
        var scored = new List<ScoredPair>(pairs.Count);
        foreach (var pair in pairs)
        {
            float similarity = 1f;
            if (!string.Equals(pair.Question1, pair.Question2, StringComparison.Ordinal))
            {
                embedder.Embed(pair.Question1, first);
                embedder.Embed(pair.Question2, second);
                similarity = TensorPrimitives.Dot(first, second);
            }

            scored.Add(new ScoredPair(similarity, pair.IsDuplicate, pair.IsCalibration));
        }

        return scored;
    }

    /// <summary>Each pair's similarity under a provider <paramref name="embedder"/>, embedding 64 texts per call.</summary>
    public static async Task<List<ScoredPair>> ScoreAsync(
        IReadOnlyList<QuestionPair> pairs, IEmbeddingGenerator<string, Embedding<float>> embedder, CancellationToken cancellationToken)
    {
        const int Batch = 32;
        var scored = new List<ScoredPair>(pairs.Count);
        for (var start = 0; start < pairs.Count; start += Batch)
        {
            var batch = pairs.Skip(start).Take(Batch).ToList();
            var embeddings = await embedder.GenerateAsync(batch.SelectMany(p => new[] { p.Question1, p.Question2 }), cancellationToken: cancellationToken);
            for (var i = 0; i < batch.Count; i++)
            {
                var pair = batch[i];
                var similarity = string.Equals(pair.Question1, pair.Question2, StringComparison.Ordinal)
                    ? 1f
                    : TensorPrimitives.CosineSimilarity(embeddings[2 * i].Vector.Span, embeddings[(2 * i) + 1].Vector.Span);
                scored.Add(new ScoredPair(similarity, pair.IsDuplicate, pair.IsCalibration));
            }
        }

        return scored;
    }

    private static void Write(CacheEvaluation e, OutputFormat output, CliEnvironment environment)
    {
        var result = new EvalCacheResult(e.Pairs, e.Duplicates, e.Hits, Math.Round(e.Precision, 4), Math.Round(e.Recall, 4), Math.Round(e.FalseHitRate, 4), Math.Round(e.Threshold, 3));
        if (output == OutputFormat.Json)
        {
            environment.Out.WriteLine(JsonSerializer.Serialize(result, CliJsonContext.Default.EvalCacheResult));
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("semantic cache").AddColumn("");
        foreach (var (name, value) in new[]
        {
            ("pairs", result.Pairs.ToString(CultureInfo.InvariantCulture)),
            ("duplicates", result.Duplicates.ToString(CultureInfo.InvariantCulture)),
            ("hits", result.Hits.ToString(CultureInfo.InvariantCulture)),
            ("precision", result.Precision.ToString("0.0000", CultureInfo.InvariantCulture)),
            ("recall", result.Recall.ToString("0.0000", CultureInfo.InvariantCulture)),
            ("false-hit rate", result.FalseHitRate.ToString("0.0000", CultureInfo.InvariantCulture)),
            ("threshold", result.Threshold.ToString("0.000", CultureInfo.InvariantCulture)),
        })
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(value));
        }

        environment.Console.Write(table);
    }
}
