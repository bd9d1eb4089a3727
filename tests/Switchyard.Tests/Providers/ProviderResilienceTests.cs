using System.Globalization;
using System.Net;
using System.Text.Json;
using Switchyard.Models;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Providers;

/// <summary>
/// Switchyard in front of an OpenAI-protocol upstream on loopback that injects faults: retries,
/// same-tier and next-tier fallback, timeouts, the circuit breaker, and exact charging.
/// </summary>
public sealed class ProviderResilienceTests : IAsyncLifetime
{
    private readonly string _dataDirectory = TestSettings.NewDataDirectory();
    private FakeOpenAIUpstream _upstream = null!;
    private SiloHost _host = null!;

    public async Task InitializeAsync()
    {
        _upstream = await FakeOpenAIUpstream.StartAsync();
        var settings = new Dictionary<string, string?>();
        void Model(string name, string tier, string input, string cached, string output, int retries = 2)
        {
            var prefix = $"Switchyard:Models:{name}:";
            settings[prefix + "Provider"] = "openai-compatible";
            settings[prefix + "Endpoint"] = _upstream.BaseAddress.ToString();
            settings[prefix + "ApiKey"] = "sk-upstream-secret";
            settings[prefix + "Tier"] = tier;
            settings[prefix + "InputPerMillion"] = input;
            settings[prefix + "CachedInputPerMillion"] = cached;
            settings[prefix + "OutputPerMillion"] = output;
            settings[prefix + "Resilience:MaxRetries"] = retries.ToString(CultureInfo.InvariantCulture);
            settings[prefix + "Resilience:RetryDelay"] = "00:00:00.050";
            settings[prefix + "Resilience:AttemptTimeout"] = "00:00:01.500";
            settings[prefix + "Resilience:TotalTimeout"] = "00:00:03";
            settings[prefix + "Resilience:BreakerMinimumThroughput"] = "4";
            settings[prefix + "Resilience:BreakerFailureRatio"] = "0.5";
            settings[prefix + "Resilience:BreakDuration"] = "00:00:00.500";
        }

        Model("cheap-a", "cheap", "0.15", "0.075", "0.60");
        Model("cheap-b", "cheap", "0.20", "0.10", "0.80");
        Model("mid", "mid", "0.40", "0.10", "1.60");
        Model("frontier", "frontier", "2.50", "1.25", "10.00", retries: 0);
        settings["Switchyard:Cache:Enabled"] = "false";
        _host = await SiloHost.StartAsync(_dataDirectory, settings, simulatedModels: false);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _upstream.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private async Task<(HttpResponseMessage Response, JsonElement Json)> CompleteAsync(string model, string tenantKey = TestSettings.AlphaKey)
    {
        var response = await _host.Http.SendAsync(_host.Post(
            "/v1/chat/completions", $$"""{"model": "{{model}}", "messages": [{"role": "user", "content": "hello {{Guid.NewGuid()}}"}]}""", tenantKey));
        return (response, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task<decimal> SpentAsync(string key)
    {
        var response = await _host.Http.SendAsync(_host.Get("/v1/usage", key));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("spent_usd").GetDecimal();
    }

    private static decimal Cost(HttpResponseMessage response) =>
        decimal.Parse(response.Headers.GetValues("x-switchyard-cost-usd").Single(), CultureInfo.InvariantCulture);

    [Fact]
    public async Task OpenAICompatibleModel_AnswersEndToEnd_AndBillsCachedTokensAtTheCachedPrice()
    {
        var (response, json) = await CompleteAsync("mid");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Answer from mid.", json.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        Assert.Equal(400, json.GetProperty("usage").GetProperty("prompt_tokens_details").GetProperty("cached_tokens").GetInt32());
        // 600 uncached × 0.40 + 400 cached × 0.10 + 200 output × 1.60, per million.
        Assert.Equal(0.00060m, Cost(response));
    }

    [Fact]
    public async Task RateLimitedCall_IsRetriedAfterRetryAfter_AndChargedOnce()
    {
        // One plain call first, so the path is compiled and connected: the retry after Retry-After (1 s)
        // must finish inside the 3 s total deadline even on a busy machine.
        await CompleteAsync("cheap-a", TestSettings.BetaKey);
        _upstream.Script("cheap-a", UpstreamFault.TooManyRequests);
        var callsBefore = _upstream.Calls("cheap-a");
        var before = await SpentAsync(TestSettings.BetaKey);

        var (response, _) = await CompleteAsync("cheap-a", TestSettings.BetaKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(callsBefore + 2, _upstream.Calls("cheap-a"));
        Assert.Equal(before + Cost(response), await SpentAsync(TestSettings.BetaKey));
    }

    [Theory]
    [InlineData(UpstreamFault.ServerError)]
    [InlineData(UpstreamFault.Unavailable)]
    [InlineData(UpstreamFault.MalformedJson)]
    [InlineData(UpstreamFault.TruncatedJson)]
    [InlineData(UpstreamFault.Slow)]
    public async Task FailingDeployment_FallsBackToAnotherOfTheSameTier(UpstreamFault fault)
    {
        _upstream.FailAlways("cheap-a", fault);
        _upstream.SlowDelay = TimeSpan.FromSeconds(3);
        var request = _host.Post("/v1/chat/completions", $$"""{"model": "auto", "messages": [{"role": "user", "content": "hello {{Guid.NewGuid()}}"}]}""");
        request.Headers.Add("x-switchyard-task-type", "summarization");

        var response = await _host.Http.SendAsync(request);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cheap-b", response.Headers.GetValues("x-switchyard-model").Single());
        // Only cheap-b's answer is billed: 600 × 0.20 + 400 × 0.10 + 200 × 0.80, per million.
        Assert.Equal(0.00032m, Cost(response));
        Assert.Equal("cheap", json.GetProperty("switchyard").GetProperty("tier").GetString());
    }

    [Theory]
    [InlineData(UpstreamFault.BrokenStream)]
    [InlineData(UpstreamFault.SlowStream)]
    public async Task StreamThatBreaksOrStalls_IsBilledForWhatArrived_ThenFallsBack(UpstreamFault fault)
    {
        _upstream.FailAlways("cheap-a", fault);
        var before = await SpentAsync(TestSettings.BetaKey);
        var prompt = $"hello {Guid.NewGuid()}";
        var request = _host.Post("/v1/chat/completions", $$"""{"model": "auto", "messages": [{"role": "user", "content": "{{prompt}}"}]}""", TestSettings.BetaKey);
        request.Headers.Add("x-switchyard-task-type", "summarization");

        var response = await _host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cheap-b", response.Headers.GetValues("x-switchyard-model").Single());
        // cheap-b's answer (0.00032) plus what cheap-a generated before its stream broke: the prompt at
        // 0.15 and the half answer it sent ("Answer fro") at 0.60, per million tokens.
        var tokens = new TokenCounter();
        var partial = tokens.CountPrompt([new("user", prompt)]) * 0.15m + tokens.Count("Answer from cheap-a."[..10]) * 0.60m;
        Assert.Equal(0.00032m + partial / 1_000_000m, Cost(response));
        Assert.Equal(before + Cost(response), await SpentAsync(TestSettings.BetaKey));
    }

    [Fact]
    public async Task WhenEveryCandidateFails_Answers502AndChargesNothing()
    {
        _upstream.FailAlways("frontier", UpstreamFault.ServerError);
        var before = await SpentAsync(TestSettings.AlphaKey);

        var (response, json) = await CompleteAsync("frontier");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("provider_failed", json.GetProperty("error").GetProperty("code").GetString());
        Assert.DoesNotContain("sk-upstream-secret", json.ToString());
        Assert.Equal(before, await SpentAsync(TestSettings.AlphaKey));
    }

    [Fact]
    public async Task CircuitBreaker_OpensOnRepeatedFailures_AndRecovers()
    {
        _upstream.FailAlways("frontier", UpstreamFault.ServerError);
        for (var i = 0; i < 4; i++)
        {
            await CompleteAsync("frontier");
        }

        var callsWhenOpen = _upstream.Calls("frontier");
        var (whileOpen, _) = await CompleteAsync("frontier");

        Assert.Equal(HttpStatusCode.BadGateway, whileOpen.StatusCode);
        Assert.Equal(callsWhenOpen, _upstream.Calls("frontier"));

        _upstream.Heal("frontier");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        HttpResponseMessage recovered;
        do
        {
            // The breaker lets a trial call through once its break duration (0.5 s) is over.
            await Task.Delay(100);
            (recovered, _) = await CompleteAsync("frontier");
        }
        while (recovered.StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }
}
