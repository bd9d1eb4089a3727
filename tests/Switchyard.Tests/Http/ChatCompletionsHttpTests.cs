using System.Net;
using System.Text.Json;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Http;

[Collection(SiloHostCollection.Name)]
public sealed class ChatCompletionsHttpTests(SiloHostFixture fixture)
{
    private SiloHost Host => fixture.Host;

    private static string Body(string prompt, string model = "auto", string extra = "") =>
        $$"""{"model": "{{model}}", "messages": [{"role": "user", "content": {{JsonSerializer.Serialize(prompt)}}}]{{extra}}}""";

    private async Task<(HttpResponseMessage Response, JsonElement Json)> SendAsync(HttpRequestMessage request)
    {
        var response = await Host.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static string Header(HttpResponseMessage response, string name) => response.Headers.GetValues(name).Single();

    [Fact]
    public async Task Post_ReturnsAnOpenAICompletionWithRoutingHeaders()
    {
        var (response, json) = await SendAsync(Host.Post("/v1/chat/completions", Body($"Hello {Guid.NewGuid()}")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("chat.completion", json.GetProperty("object").GetString());
        Assert.Equal("assistant", json.GetProperty("choices")[0].GetProperty("message").GetProperty("role").GetString());
        Assert.NotEmpty(json.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!);
        Assert.True(json.GetProperty("usage").GetProperty("total_tokens").GetInt32() > 0);
        Assert.Equal(32, Header(response, "x-switchyard-request-id").Length);
        Assert.StartsWith("sim-", Header(response, "x-switchyard-model"));
        Assert.Equal("miss", Header(response, "x-switchyard-cache"));
        Assert.True(decimal.Parse(Header(response, "x-switchyard-cost-usd"), System.Globalization.CultureInfo.InvariantCulture) > 0m);
        Assert.True(int.Parse(Header(response, "x-switchyard-escalations")) >= 0);
    }

    [Fact]
    public async Task Post_Repeated_HitsTheCacheWithZeroCost()
    {
        var body = Body($"Repeat me {Guid.NewGuid()}");
        await SendAsync(Host.Post("/v1/chat/completions", body));

        var (response, json) = await SendAsync(Host.Post("/v1/chat/completions", body));

        Assert.Equal("hit-exact", Header(response, "x-switchyard-cache"));
        Assert.Equal("0", Header(response, "x-switchyard-cost-usd"));
        Assert.Equal("hit-exact", json.GetProperty("switchyard").GetProperty("cache").GetString());
    }

    [Fact]
    public async Task Post_FromAnotherTenantWithTheSamePrompt_Misses()
    {
        var body = Body($"Tenant isolation {Guid.NewGuid()}");
        await SendAsync(Host.Post("/v1/chat/completions", body, TestSettings.AlphaKey));

        var (response, _) = await SendAsync(Host.Post("/v1/chat/completions", body, TestSettings.BetaKey));

        Assert.Equal("miss", Header(response, "x-switchyard-cache"));
    }

    [Fact]
    public async Task Post_WithNoStore_BypassesTheCache()
    {
        var body = Body($"No store {Guid.NewGuid()}");
        await SendAsync(Host.Post("/v1/chat/completions", body));
        var request = Host.Post("/v1/chat/completions", body);
        request.Headers.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { NoStore = true };

        var (response, _) = await SendAsync(request);

        Assert.Equal("miss", Header(response, "x-switchyard-cache"));
    }

    [Fact]
    public async Task Post_TaskTypeFromHeader_WinsOverMetadata()
    {
        var request = Host.Post("/v1/chat/completions", Body($"Contract {Guid.NewGuid()}", extra: """, "metadata": {"task_type": "spam_detection"}"""));
        request.Headers.Add("x-switchyard-task-type", "legal_analysis");

        var (response, json) = await SendAsync(request);

        Assert.Equal("sim-frontier", Header(response, "x-switchyard-model"));
        Assert.Equal("legal_analysis", json.GetProperty("switchyard").GetProperty("task_type").GetString());
    }

    [Fact]
    public async Task Usage_ReflectsSettledSpend()
    {
        var before = (await SendAsync(Host.Get("/v1/usage", TestSettings.BetaKey))).Json.GetProperty("spent_usd").GetDecimal();
        var (completion, _) = await SendAsync(Host.Post("/v1/chat/completions", Body($"Spend {Guid.NewGuid()}"), TestSettings.BetaKey));
        var cost = decimal.Parse(Header(completion, "x-switchyard-cost-usd"), System.Globalization.CultureInfo.InvariantCulture);

        var (response, json) = await SendAsync(Host.Get("/v1/usage", TestSettings.BetaKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("beta", json.GetProperty("tenant").GetString());
        Assert.Equal(before + cost, json.GetProperty("spent_usd").GetDecimal());
        Assert.Equal(10m, json.GetProperty("cap_usd").GetDecimal());
    }

    [Fact]
    public async Task Retry_WithTheSameRequestId_IsNotRunOrChargedAgain()
    {
        var requestId = $"retry-{Guid.NewGuid():N}";
        HttpRequestMessage Attempt()
        {
            var request = Host.Post("/v1/chat/completions", Body($"Idempotent {Guid.NewGuid()}"), TestSettings.BetaKey);
            request.Headers.Add("x-switchyard-request-id", requestId);
            request.Headers.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { NoStore = true };
            return request;
        }

        var (first, _) = await SendAsync(Attempt());
        var spent = (await SendAsync(Host.Get("/v1/usage", TestSettings.BetaKey))).Json.GetProperty("spent_usd").GetDecimal();
        var (retry, error) = await SendAsync(Attempt());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(requestId, Header(first, "x-switchyard-request-id"));
        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
        Assert.Equal("request_already_completed", error.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(spent, (await SendAsync(Host.Get("/v1/usage", TestSettings.BetaKey))).Json.GetProperty("spent_usd").GetDecimal());
    }

    [Fact]
    public async Task Models_ListsAutoAndEveryCatalogModel()
    {
        var (_, json) = await SendAsync(Host.Get("/v1/models"));

        var ids = json.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Equal(["auto", "sim-cheap", "sim-mid", "sim-frontier"], ids);
    }

    [Fact]
    public async Task Health_AndAlive_AnswerHealthy()
    {
        Assert.Equal("Healthy", await Host.Http.GetStringAsync("/health"));
        Assert.Equal("Healthy", await Host.Http.GetStringAsync("/alive"));
    }
}
