using System.Net;
using System.Text.Json;
using Switchyard.Silo.Http;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Http;

[Collection(SiloHostCollection.Name)]
public sealed class FeedbackHttpTests(SiloHostFixture fixture)
{
    private SiloHost Host => fixture.Host;

    private async Task<string> CompleteAsync(string taskType)
    {
        var request = Host.Post("/v1/chat/completions", $$"""{"model": "auto", "messages": [{"role": "user", "content": "feedback {{Guid.NewGuid()}}"}]}""");
        request.Headers.Add("x-switchyard-task-type", taskType);
        var response = await Host.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues(ChatCompletionsEndpoint.RequestIdHeader).Single();
    }

    private async Task<HttpResponseMessage> FeedbackAsync(string body, string apiKey = TestSettings.AlphaKey)
    {
        // The answer is remembered one-way, off the response path: a feedback racing it may find it
        // not yet there, so a 404 is retried a few times (no waiting, just new requests).
        HttpResponseMessage response = null!;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            response = await Host.Http.SendAsync(Host.Post("/v1/feedback", body, apiKey));
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                break;
            }
        }

        return response;
    }

    [Fact]
    public async Task Feedback_ForAnUnknownRequestId_Is404InTheOpenAIShape()
    {
        var response = await Host.Http.SendAsync(Host.Post("/v1/feedback", """{"request_id": "no-such-request", "correct": true}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("request_not_found", error.GetProperty("code").GetString());
        Assert.Equal("request_id", error.GetProperty("param").GetString());
    }

    [Fact]
    public async Task Feedback_OnOwnRequest_TeachesItsRouter()
    {
        var taskType = $"feedback_{Guid.NewGuid():N}";
        var id = await CompleteAsync(taskType);

        var response = await FeedbackAsync($$"""{"request_id": "{{id}}", "score": 0.2}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("correct").GetBoolean());
        var router = JsonDocument.Parse(await (await Host.Http.SendAsync(Host.Get($"/admin/routers/{taskType}", TestSettings.AdminKey))).Content.ReadAsStringAsync()).RootElement;
        var wrong = router.GetProperty("learning").EnumerateArray()
            .SelectMany(t => t.GetProperty("bands").EnumerateArray().Concat(t.GetProperty("escalated_bands").EnumerateArray()))
            .Sum(b => b.GetProperty("wrong").GetInt64());
        Assert.True(wrong >= 1);
    }

    [Fact]
    public async Task Feedback_OnAnotherTenantsRequest_Is404()
    {
        var id = await CompleteAsync("feedback_isolation");

        var response = await Host.Http.SendAsync(Host.Post("/v1/feedback", $$"""{"request_id": "{{id}}", "correct": true}""", TestSettings.BetaKey));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"correct": true}""", "request_id")]
    [InlineData("""{"request_id": "x"}""", "correct")]
    [InlineData("""{"request_id": "x", "correct": true, "score": 1}""", "score")]
    [InlineData("""{"request_id": "x", "score": 2}""", "score")]
    [InlineData("""{"request_id": "x", "correct": "yes"}""", "correct")]
    public async Task Feedback_Malformed_Is400(string body, string param)
    {
        var response = await Host.Http.SendAsync(Host.Post("/v1/feedback", body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(param, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("param").GetString());
    }

    [Fact]
    public async Task PutRouter_SetsTargetAndPin()
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/admin/routers/put_test")
        {
            Content = new StringContent("""{"quality_target": 0.9, "pinned": true, "start_tier": "mid", "max_tier": "frontier"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestSettings.AdminKey);

        var response = await Host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(body.GetProperty("pinned").GetBoolean());
        Assert.Equal(0.9, body.GetProperty("quality_target").GetDouble());
        Assert.Equal("mid", body.GetProperty("plan").GetProperty("start_tier").GetString());
    }
}
