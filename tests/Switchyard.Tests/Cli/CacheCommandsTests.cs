using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Switchyard.Cli;
using Switchyard.Cli.Commands;
using Switchyard.Cli.Output;
using Switchyard.Tests.Client;

namespace Switchyard.Tests.Cli;

public sealed class CacheCommandsTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"switchyard-pairs-{Guid.NewGuid():N}.csv");
    private readonly TestConsole _console = new(new FakeClusterConnector(new FakeSwitchyardClient()));

    public void Dispose() => File.Delete(_path);

    private int Eval(string csv, float? threshold = null)
    {
        File.WriteAllText(_path, csv);
        return EvalCacheCommand.Run(_path, 0.01, threshold, OutputFormat.Json, _console.Environment);
    }

    [Fact]
    public void EvalCache_PrintsExactlyTheDocumentedKeys()
    {
        var exitCode = Eval("""
            question1,question2,is_duplicate
            How do I reset my password?,how do i reset my password,1
            "What is the capital of France, really?",What is the capital of Spain?,0
            How do I learn Python?,What is the best way to learn Python quickly?,1
            """, threshold: 0.9f);

        Assert.Equal(ExitCodes.Success, exitCode);
        var json = JsonDocument.Parse(_console.Output).RootElement;
        Assert.Equal(["pairs", "duplicates", "hits", "precision", "recall", "false_hit_rate", "threshold"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, json.GetProperty("pairs").GetInt32());
        Assert.Equal(2, json.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, json.GetProperty("false_hit_rate").GetDouble());
    }

    [Fact]
    public async Task EvalCache_WithAProviderEmbedder_ScoresThePairsThroughItsEmbeddingsEndpoint()
    {
        await using var upstream = await Providers.FakeOpenAIUpstream.StartAsync();
        File.WriteAllText(_path, """
            question1,question2,is_duplicate
            What does a car cost?,What is the price of an automobile?,1
            How do I bake bread?,What does a car cost?,0
            """);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Switchyard:Models:embed:Kind"] = "embedding",
            ["Switchyard:Models:embed:Provider"] = "openai-compatible",
            ["Switchyard:Models:embed:Endpoint"] = upstream.BaseAddress.ToString(),
            ["Switchyard:Models:embed:InputPerMillion"] = "0.02",
            ["Switchyard:Models:embed:SimilarityThreshold"] = "0.9",
        }).Build();

        var exitCode = await EvalCacheCommand.RunAsync(_path, 0.01, 0.9f, OutputFormat.Json, _console.Environment, "embed", configuration, CancellationToken.None);

        Assert.Equal(ExitCodes.Success, exitCode);
        var json = JsonDocument.Parse(_console.Output).RootElement;
        Assert.Equal(1, json.GetProperty("hits").GetInt32());
        Assert.Equal(1, json.GetProperty("recall").GetDouble());
        Assert.Equal(0, json.GetProperty("false_hit_rate").GetDouble());
        Assert.Equal(1, upstream.Calls("embed"));
    }

    [Fact]
    public async Task EvalCache_WithAnEmbedderNotInTheCatalog_Fails()
    {
        File.WriteAllText(_path, "question1,question2,is_duplicate\na,b,1\n");

        var exitCode = await EvalCacheCommand.RunAsync(
            _path, 0.01, null, OutputFormat.Json, _console.Environment, "nope", new ConfigurationBuilder().Build(), CancellationToken.None);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("'nope'", _console.Error);
    }

    [Fact]
    public void EvalCache_WithABadLabel_RefusesTheFileNamingTheLine()
    {
        var exitCode = Eval("question1,question2,is_duplicate\na,b,1\nc,d,maybe\n");

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("line 3", _console.Error);
        Assert.Contains("is_duplicate", _console.Error);
        Assert.Empty(_console.Output);
    }

    [Fact]
    public void EvalCache_WithAMissingField_RefusesTheFileNamingTheLine()
    {
        Assert.Equal(ExitCodes.Failure, Eval("question1,question2,is_duplicate\na,b,1\nonly one field\n"));
        Assert.Contains("line 3", _console.Error);
    }

    [Fact]
    public void EvalCache_WithTheWrongHeader_RefusesTheFile()
    {
        Assert.Equal(ExitCodes.Failure, Eval("q1,q2,label\na,b,1\n"));
        Assert.Contains("line 1", _console.Error);
    }

    [Fact]
    public void BenchCache_ReportsRecallAgainstExactSearchWithTheDocumentedKeys()
    {
        var result = BenchCommand.Run(new BenchSettings(Entries: 17_000, Dims: 64, Queries: 30, Shards: 1, Seed: 7), TextWriter.Null);

        Assert.Equal(17_000, result.Entries);
        Assert.True(result.RecallAt1 >= 0.9, $"recall@1 {result.RecallAt1}");

        // The retyped questions are the cache's business: their original is above the threshold, and the index finds it.
        Assert.True(result.AboveThreshold >= 0.5, $"above threshold {result.AboveThreshold}");
        Assert.True(result.HitRecall >= 0.9, $"hit recall {result.HitRecall}");
        Assert.True(result.BytesPerEntry > 64 * sizeof(float), $"bytes per entry {result.BytesPerEntry}");
        Assert.True(result.InsertsPerSecond > 0);
        var json = JsonDocument.Parse(JsonSerializer.Serialize(result, CliJsonContext.Default.BenchCacheResult)).RootElement;
        Assert.Equal(["entries", "dims", "p50_ms", "p99_ms", "recall_at_1", "above_threshold", "hit_recall", "brute_force_p99_ms", "bytes_per_entry", "inserts_per_s"], json.EnumerateObject().Select(p => p.Name));
    }
}
