using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchyard.Caching.Embeddings;
using Switchyard.Providers;
using Switchyard.Tests.Infrastructure;
using Switchyard.Tests.Providers;

namespace Switchyard.Tests.Caching;

/// <summary>
/// The real silo with a provider embedder from the catalog: an OpenAI-compatible <c>/v1/embeddings</c>
/// server on loopback embeds the semantic keys, behind the providers' Polly pipeline.
/// </summary>
public sealed class ProviderEmbeddingCacheTests : IAsyncLifetime
{
    private const string EmbedModel = "embed-small";
    private const string UpstreamKey = "sk-embedding-upstream-secret";
    private readonly string _dataDirectory = TestSettings.NewDataDirectory();
    private readonly CapturedLogs _logs = new();
    private FakeOpenAIUpstream _upstream = null!;
    private SiloHost _host = null!;

    public async Task InitializeAsync()
    {
        _upstream = await FakeOpenAIUpstream.StartAsync();
        const string prefix = "Switchyard:Models:" + EmbedModel + ":";
        var settings = new Dictionary<string, string?>
        {
            [prefix + "Kind"] = "embedding",
            [prefix + "Provider"] = "openai-compatible",
            [prefix + "Endpoint"] = _upstream.BaseAddress.ToString(),
            [prefix + "ApiKey"] = UpstreamKey,
            [prefix + "Dimensions"] = "48",
            [prefix + "InputPerMillion"] = "0.02",
            [prefix + "SimilarityThreshold"] = "0.9",
            [prefix + "Resilience:MaxRetries"] = "1",
            [prefix + "Resilience:RetryDelay"] = "00:00:00.020",
            ["Switchyard:Cache:Embedder"] = EmbedModel,
        };
        _host = await SiloHost.StartAsync(_dataDirectory, settings, configure: b => b.Logging.AddProvider(_logs));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _upstream.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private async Task<(HttpStatusCode Status, string Cache, decimal Cost, string Body)> AskAsync(string question)
    {
        var body = JsonSerializer.Serialize(new { model = "auto", messages = new[] { new { role = "user", content = question } } });
        var response = await _host.Http.SendAsync(_host.Post("/v1/chat/completions", body));
        var text = await response.Content.ReadAsStringAsync();
        return response.StatusCode != HttpStatusCode.OK
            ? (response.StatusCode, "", 0m, text)
            : (response.StatusCode,
                response.Headers.GetValues("x-switchyard-cache").Single(),
                decimal.Parse(response.Headers.GetValues("x-switchyard-cost-usd").Single(), CultureInfo.InvariantCulture),
                text);
    }

    private static string Topic() => $"zq{Guid.NewGuid():N}"[..12];

    [Fact]
    public async Task Post_ASynonymRewording_HitsSemanticallyThroughTheProviderEmbedder()
    {
        var topic = Topic();
        var first = await AskAsync($"What does a car cost in {topic}?");

        var reworded = await AskAsync($"What is the price of an automobile in {topic}?");
        var unrelated = await AskAsync($"How do I bake bread in {topic}?");

        Assert.Equal("miss", first.Cache);
        Assert.Equal("hit-semantic", reworded.Cache);
        Assert.Equal(0m, reworded.Cost);
        Assert.Equal("miss", unrelated.Cache);
        Assert.Equal(3, _upstream.Calls(EmbedModel));
        Assert.Equal(48, _upstream.LastDimensions);
        Assert.Equal("Bearer " + UpstreamKey, _upstream.LastAuthorization);
    }

    [Fact]
    public async Task Post_AfterProviderEmbeddings_AccountsTheirCostAtTheCatalogPrice()
    {
        await AskAsync($"What does a car cost in {Topic()}?");
        await AskAsync($"What does a car cost in {Topic()}?");

        _host.Services.GetRequiredService<EmbeddingGeneratorRegistry>().TryGet(EmbedModel, out var generator);
        var metered = generator.GetService<MeteredEmbeddingGenerator>()!;

        Assert.Equal(2 * 7, metered.InputTokens);
        Assert.Equal(2 * 7 * 0.02m / 1_000_000m, metered.CostUsd);
    }

    [Fact]
    public async Task Post_WhenTheEmbedderFails_IsAMissNotAnError_AndTheKeyNeverReachesLogsOrAnswers()
    {
        _upstream.FailAlways(EmbedModel, UpstreamFault.EchoingServerError);
        var question = $"What does a car cost in {Topic()}?";

        var first = await AskAsync(question);
        var again = await AskAsync(question);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("miss", first.Cache);
        Assert.True(first.Cost > 0m);

        // The answer was still stored under its exact key.
        Assert.Equal("hit-exact", again.Cache);

        // One attempt and one retry: the embedder runs behind the providers' Polly pipeline.
        Assert.Equal(2, _upstream.Calls(EmbedModel));
        Assert.Contains(_logs.Lines, l => l.Contains($"Embedder {EmbedModel} failed", StringComparison.Ordinal) && l.Contains("status 500", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(UpstreamKey, StringComparison.Ordinal));
        Assert.DoesNotContain(UpstreamKey, first.Body, StringComparison.Ordinal);
    }
}
