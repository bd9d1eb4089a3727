using System.Net;
using System.Text.Json;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Http;

[Collection(SiloHostCollection.Name)]
public sealed class ErrorResponseTests(SiloHostFixture fixture)
{
    private SiloHost Host => fixture.Host;

    private async Task<JsonElement> AssertErrorAsync(HttpRequestMessage request, HttpStatusCode status, string? code = null, string? param = null)
    {
        var response = await Host.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        var error = JsonDocument.Parse(text).RootElement.GetProperty("error");
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("type").GetString()));
        Assert.DoesNotContain("   at ", text);
        if (code is not null)
        {
            Assert.Equal(code, error.GetProperty("code").GetString());
        }

        if (param is not null)
        {
            Assert.Equal(param, error.GetProperty("param").GetString());
        }

        return error;
    }

    private const string Valid = """{"model": "auto", "messages": [{"role": "user", "content": "hi"}]}""";

    [Fact]
    public Task MissingKey_Is401() =>
        AssertErrorAsync(Host.Post("/v1/chat/completions", Valid, apiKey: null), HttpStatusCode.Unauthorized, "invalid_api_key");

    [Fact]
    public Task WrongKey_Is401() =>
        AssertErrorAsync(Host.Post("/v1/chat/completions", Valid, apiKey: "sk-not-a-key"), HttpStatusCode.Unauthorized, "invalid_api_key");

    [Fact]
    public Task AdminKey_IsNotATenantKey() =>
        AssertErrorAsync(Host.Get("/v1/usage", TestSettings.AdminKey), HttpStatusCode.Unauthorized);

    [Theory]
    [InlineData("{not json", null)]
    [InlineData("", null)]
    [InlineData("[1, 2]", null)]
    [InlineData("""{"model": "auto"}""", "messages")]
    [InlineData("""{"model": "auto", "messages": []}""", "messages")]
    [InlineData("""{"model": "auto", "messages": "hi"}""", "messages")]
    [InlineData("""{"model": "auto", "messages": [{"role": "user"}]}""", "messages[0].content")]
    [InlineData("""{"model": "auto", "messages": [{"role": "wizard", "content": "hi"}]}""", "messages[0].role")]
    [InlineData("""{"model": "auto", "messages": [{"role": "user", "content": 42}]}""", "messages[0].content")]
    [InlineData("""{"model": 7, "messages": [{"role": "user", "content": "hi"}]}""", "model")]
    [InlineData("""{"messages": [{"role": "user", "content": "hi"}]}""", "model")]
    [InlineData("""{"model": "auto", "messages": [{"role": "user", "content": "hi"}], "temperature": "hot"}""", "temperature")]
    [InlineData("""{"model": "auto", "messages": [{"role": "user", "content": "hi"}], "temperature": 9}""", "temperature")]
    [InlineData("""{"model": "auto", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 1.5}""", "max_tokens")]
    [InlineData("""{"model": "auto", "messages": [{"role": "user", "content": "hi"}], "max_tokens": -1}""", "max_tokens")]
    [InlineData("""{"model": "auto", "messages": [{"role": "user", "content": "hi"}], "stream": "yes"}""", "stream")]
    [InlineData("""{"model": "auto", "messages": [{"role": "user", "content": "hi"}], "metadata": {"task_type": 3}}""", "metadata.task_type")]
    [InlineData("""{"model": "auto", "messages": [{"role": "user", "content": "hi"}], "metadata": {"task_type": "../etc"}}""", "metadata.task_type")]
    [InlineData("""{"model": "auto", "messages": [{"role": "user", "content": "hi"}], "frobnicate": true}""", "frobnicate")]
    [InlineData("""{"model": "auto", "messages": [{"role": "user", "content": "hi"}], "tools": []}""", "tools")]
    [InlineData("""{"model": "auto", "messages": [{"role": "user", "content": "hi"}], "stream_options": {"include_usage": true}}""", "stream_options")]
    [InlineData("""{"model": "auto", "messages": [{"role": "user", "content": "hi"}], "stream": true, "stream_options": {"include_usage": 1}}""", "stream_options.include_usage")]
    [InlineData("""{"model": "auto", "messages": [{"role": "user", "content": "hi"}], "seed": "abc"}""", "seed")]
    [InlineData("""{"model": "auto", "messages": [{"role": "user", "content": "hi"}], "stop": ["a", "b", "c", "d", "e"]}""", "stop")]
    [InlineData("""{"model": "auto", "messages": [{"role": "user", "content": "hi"}], "presence_penalty": 3}""", "presence_penalty")]
    [InlineData("""{"model": "auto", "messages": [{"role": "user", "content": "hi"}], "response_format": {"type": "xml"}}""", "response_format")]
    [InlineData("""{"model": "auto", "messages": [{"role": "user", "content": "hi"}], "n": 2}""", "n")]
    public Task MalformedRequest_Is400(string body, string? param) =>
        AssertErrorAsync(Host.Post("/v1/chat/completions", body), HttpStatusCode.BadRequest, param: param);

    [Fact]
    public Task MalformedRequestId_Is400()
    {
        var request = Host.Post("/v1/chat/completions", Valid);
        request.Headers.Add("x-switchyard-request-id", "not a valid id!");
        return AssertErrorAsync(request, HttpStatusCode.BadRequest, param: "x-switchyard-request-id");
    }

    [Fact]
    public async Task UnknownModel_Is400NamingTheModels()
    {
        var error = await AssertErrorAsync(
            Host.Post("/v1/chat/completions", """{"model": "gpt-99", "messages": [{"role": "user", "content": "hi"}]}"""),
            HttpStatusCode.BadRequest, "model_not_found", "model");

        Assert.Contains("sim-cheap", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task BudgetRefusal_Is402AndChargesNothing()
    {
        await AssertErrorAsync(Host.Post("/v1/chat/completions", Valid, TestSettings.PoorKey), HttpStatusCode.PaymentRequired, "budget_exceeded");

        var usage = JsonDocument.Parse(await (await Host.Http.SendAsync(Host.Get("/v1/usage", TestSettings.PoorKey))).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(0m, usage.GetProperty("spent_usd").GetDecimal());
    }

    [Fact]
    public Task OversizedBody_Is413()
    {
        var huge = $$"""{"model": "auto", "messages": [{"role": "user", "content": "{{new string('x', 2 * 1024 * 1024)}}"}]}""";
        var request = Host.Post("/v1/chat/completions", huge);

        // As a well-behaved client sending a large body does: wait for the server's go-ahead, so the 413
        // is read instead of racing the upload into a connection the server has already closed.
        request.Headers.ExpectContinue = true;
        return AssertErrorAsync(request, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public Task UnknownPath_Is404InTheOpenAIShape() =>
        AssertErrorAsync(Host.Get("/v1/nothing-here"), HttpStatusCode.NotFound);

    [Fact]
    public Task WrongMethod_Is405InTheOpenAIShape() =>
        AssertErrorAsync(Host.Get("/v1/chat/completions"), HttpStatusCode.MethodNotAllowed);

    [Fact]
    public Task Admin_WithATenantKey_Is401() =>
        AssertErrorAsync(Host.Get("/admin/routers/default", TestSettings.AlphaKey), HttpStatusCode.Unauthorized);

    [Fact]
    public async Task Admin_WithTheAdminKey_ShowsRouterStatistics()
    {
        var response = await Host.Http.SendAsync(Host.Get("/admin/routers/spam_detection", TestSettings.AdminKey));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cheap", json.GetProperty("plan").GetProperty("start_tier").GetString());
        Assert.Equal(0.85, json.GetProperty("plan").GetProperty("accept_confidence").GetDouble());
    }
}
