using System.Globalization;
using System.Text.Json;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Http;

[Collection(SiloHostCollection.Name)]
public sealed class StreamingHttpTests(SiloHostFixture fixture)
{
    private SiloHost Host => fixture.Host;

    private HttpRequestMessage StreamRequest(string prompt, bool includeUsage, string key = TestSettings.AlphaKey) => Host.Post(
        "/v1/chat/completions",
        $$"""{"model": "auto", "stream": true, "stream_options": {"include_usage": {{(includeUsage ? "true" : "false")}}}, "messages": [{"role": "user", "content": "{{prompt}}"}]}""",
        key);

    [Fact]
    public async Task Stream_SendsOpenAIChunksAndEndsWithDone()
    {
        var response = await Host.Http.SendAsync(StreamRequest($"SSE {Guid.NewGuid()}", includeUsage: true));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => e["data: ".Length..]).ToList();
        Assert.Equal("[DONE]", events[^1]);
        var chunks = events[..^1].Select(e => JsonDocument.Parse(e).RootElement).ToList();
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c.GetProperty("object").GetString()));
        Assert.Equal("assistant", chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString());
        Assert.Equal("stop", chunks[^2].GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.Empty(chunks[^1].GetProperty("choices").EnumerateArray());
        Assert.True(chunks[^1].GetProperty("usage").GetProperty("completion_tokens").GetInt32() > 0);
        Assert.Equal("miss", response.Headers.GetValues("x-switchyard-cache").Single());
    }

    [Fact]
    public async Task Stream_WithoutIncludeUsage_SendsNoUsageChunk()
    {
        var response = await Host.Http.SendAsync(StreamRequest($"SSE {Guid.NewGuid()}", includeUsage: false));
        var body = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("\"usage\":{", body);
        Assert.EndsWith("data: [DONE]\n\n", body);
    }

    [Fact]
    public async Task Stream_WhenTheClientDisconnectsMidStream_ChargesExactlyTheReportedCost()
    {
        var before = await SpentAsync(TestSettings.BetaKey);
        using var request = StreamRequest($"Disconnect {Guid.NewGuid()}", includeUsage: false, TestSettings.BetaKey);

        // Read only the headers and the first bytes, then hang up.
        using (var response = await Host.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
        {
            var cost = decimal.Parse(response.Headers.GetValues("x-switchyard-cost-usd").Single(), CultureInfo.InvariantCulture);
            await using var stream = await response.Content.ReadAsStreamAsync();
            await stream.ReadExactlyAsync(new byte[8]);

            Assert.Equal(before + cost, await SpentAsync(TestSettings.BetaKey));
        }

        Assert.Equal("Healthy", await Host.Http.GetStringAsync("/health"));
    }

    private async Task<decimal> SpentAsync(string key)
    {
        var response = await Host.Http.SendAsync(Host.Get("/v1/usage", key));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("spent_usd").GetDecimal();
    }
}
