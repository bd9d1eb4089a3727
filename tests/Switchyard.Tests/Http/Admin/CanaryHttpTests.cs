using System.Net;
using System.Text;
using System.Text.Json;
using Switchyard.Silo.Http;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Http.Admin;

[Collection(SiloHostCollection.Name)]
public sealed class CanaryHttpTests(SiloHostFixture fixture)
{
    private SiloHost Host => fixture.Host;

    private HttpRequestMessage Admin(HttpMethod method, string path, string? json = null, string apiKey = TestSettings.AdminKey)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        return request;
    }

    private async Task<JsonElement> SendAsync(HttpRequestMessage request, HttpStatusCode expected)
    {
        var response = await Host.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>A task type the router knows: its policy is pinned to frontier through the admin API.</summary>
    private async Task<string> KnownTaskTypeAsync(string? name = null)
    {
        var taskType = name ?? $"canary_http_{Guid.NewGuid():N}";
        await SendAsync(Admin(HttpMethod.Put, $"/admin/routers/{taskType}", """{"pinned": true, "start_tier": "frontier", "max_tier": "frontier"}"""), HttpStatusCode.OK);
        return taskType;
    }

    private async Task<string> CompleteAsync(string taskType, string user)
    {
        var request = Host.Post("/v1/chat/completions", $$"""{"model": "auto", "user": "{{user}}", "messages": [{"role": "user", "content": "canary {{Guid.NewGuid()}}"}]}""");
        request.Headers.Add("x-switchyard-task-type", taskType);
        var response = await Host.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues(ChatCompletionsEndpoint.ModelHeader).Single();
    }

    [Fact]
    public async Task Canary_OfAModel_SendsEachUserToOneArmAndPromotes()
    {
        // A fixed task type, so the users' cohorts (a hash of task type and user) are fixed too.
        var taskType = await KnownTaskTypeAsync("canary_http_model");

        var started = await SendAsync(Admin(HttpMethod.Put, $"/admin/routers/{taskType}/canary", """{"share": 0.5, "model": "sim-cheap"}"""), HttpStatusCode.OK);
        Assert.Equal("running", started.GetProperty("status").GetString());
        Assert.Equal("sim-cheap", started.GetProperty("candidate").GetProperty("model").GetString());
        Assert.Equal("collecting", started.GetProperty("verdict").GetString());

        var models = new HashSet<string>();
        for (var user = 0; user < 16; user++)
        {
            var first = await CompleteAsync(taskType, $"user-{user}");
            Assert.Equal(first, await CompleteAsync(taskType, $"user-{user}"));
            models.Add(first);
        }

        Assert.Equal(["sim-cheap", "sim-frontier"], models.Order());
        var report = await SendAsync(Admin(HttpMethod.Get, $"/admin/routers/{taskType}/canary"), HttpStatusCode.OK);
        Assert.Equal(TwoProportionTestName, report.GetProperty("test").GetString());
        Assert.True(report.TryGetProperty("control", out _));
        Assert.True(report.TryGetProperty("candidate_arm", out _));

        var promoted = await SendAsync(Admin(HttpMethod.Post, $"/admin/routers/{taskType}/canary/promote"), HttpStatusCode.OK);
        Assert.Equal("promoted", promoted.GetProperty("status").GetString());
        await SendAsync(Admin(HttpMethod.Get, $"/admin/routers/{taskType}/canary"), HttpStatusCode.NotFound);
        var router = await SendAsync(Admin(HttpMethod.Get, $"/admin/routers/{taskType}"), HttpStatusCode.OK);
        Assert.Equal("sim-cheap", router.GetProperty("plan").GetProperty("model").GetString());
        Assert.Equal("sim-cheap", await CompleteAsync(taskType, "user-anyone"));
    }

    [Fact]
    public async Task Canary_OfAPolicy_RollsBack()
    {
        var taskType = await KnownTaskTypeAsync();
        await SendAsync(Admin(HttpMethod.Put, $"/admin/routers/{taskType}/canary", """{"share": 0.99, "policy": {"start_tier": "mid", "max_tier": "mid"}}"""), HttpStatusCode.OK);

        var rolledBack = await SendAsync(Admin(HttpMethod.Post, $"/admin/routers/{taskType}/canary/rollback"), HttpStatusCode.OK);

        Assert.Equal("rolled_back", rolledBack.GetProperty("status").GetString());
        for (var user = 0; user < 8; user++)
        {
            Assert.Equal("sim-frontier", await CompleteAsync(taskType, $"user-{user}"));
        }
    }

    [Theory]
    [InlineData("""{"model": "sim-cheap"}""", "share")]
    [InlineData("""{"share": 1, "model": "sim-cheap"}""", "share")]
    [InlineData("""{"share": "0.1", "model": "sim-cheap"}""", "share")]
    [InlineData("""{"share": 0.1}""", "model")]
    [InlineData("""{"share": 0.1, "model": "sim-cheap", "policy": {"pinned": true}}""", "policy")]
    [InlineData("""{"share": 0.1, "model": "no-such-model"}""", "model")]
    [InlineData("""{"share": 0.1, "policy": {}}""", "policy")]
    [InlineData("""{"share": 0.1, "policy": {"max_tier": "huge"}}""", "max_tier")]
    [InlineData("""{"share": 0.1, "policy": {"accept_confidence": 2}}""", "accept_confidence")]
    public async Task StartCanary_Malformed_Is400(string body, string param)
    {
        var error = await SendAsync(Admin(HttpMethod.Put, "/admin/routers/summarization/canary", body), HttpStatusCode.BadRequest);

        Assert.Equal(param, error.GetProperty("error").GetProperty("param").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("error").GetProperty("type").GetString());
    }

    [Fact]
    public async Task StartCanary_NotJson_Is400() =>
        await SendAsync(Admin(HttpMethod.Put, "/admin/routers/summarization/canary", "{"), HttpStatusCode.BadRequest);

    [Fact]
    public async Task StartCanary_ForAnUnknownTaskType_Is404()
    {
        var error = await SendAsync(Admin(HttpMethod.Put, $"/admin/routers/unknown_{Guid.NewGuid():N}/canary", """{"share": 0.1, "model": "sim-cheap"}"""), HttpStatusCode.NotFound);

        Assert.Equal("task_type_not_found", error.GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "/promote")]
    [InlineData("POST", "/rollback")]
    public async Task Canary_WhenNoneRuns_Is404(string method, string suffix)
    {
        var taskType = await KnownTaskTypeAsync();

        var error = await SendAsync(Admin(new HttpMethod(method), $"/admin/routers/{taskType}/canary{suffix}"), HttpStatusCode.NotFound);

        Assert.Equal("canary_not_found", error.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Canary_WithATenantKey_Is401() =>
        await SendAsync(Admin(HttpMethod.Get, "/admin/routers/summarization/canary", apiKey: TestSettings.AlphaKey), HttpStatusCode.Unauthorized);

    [Theory]
    [InlineData("/admin/routers/summarization?tenant=nobody", HttpStatusCode.NotFound)]
    [InlineData("/admin/routers/summarization/canary?tenant=nobody", HttpStatusCode.NotFound)]
    [InlineData("/admin/routers/summarization?tenant=a%2Fb", HttpStatusCode.BadRequest)]
    [InlineData("/admin/routers/summarization?tenant=alpha", HttpStatusCode.OK)]
    public async Task Router_OfATenant_NeedsAKnownTenant(string path, HttpStatusCode expected) =>
        await SendAsync(Admin(HttpMethod.Get, path), expected);

    [Fact]
    public async Task Canary_OfATenantsRouter_IsItsOwn()
    {
        var taskType = await KnownTaskTypeAsync();

        await SendAsync(Admin(HttpMethod.Put, $"/admin/routers/{taskType}/canary?tenant=alpha", """{"share": 0.5, "model": "sim-cheap"}"""), HttpStatusCode.OK);

        await SendAsync(Admin(HttpMethod.Get, $"/admin/routers/{taskType}/canary?tenant=alpha"), HttpStatusCode.OK);
        await SendAsync(Admin(HttpMethod.Get, $"/admin/routers/{taskType}/canary"), HttpStatusCode.NotFound);
        await SendAsync(Admin(HttpMethod.Post, $"/admin/routers/{taskType}/canary/rollback?tenant=alpha"), HttpStatusCode.OK);
    }

    private const string TwoProportionTestName = "two-proportion z-test (pooled, two-sided)";
}
