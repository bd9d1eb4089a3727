using System.Net;
using System.Text.Json;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Http;

[Collection(SiloHostCollection.Name)]
public sealed class CacheHttpTests(SiloHostFixture fixture)
{
    private SiloHost Host => fixture.Host;

    private static string Body(params (string Role, string Content)[] messages) =>
        JsonSerializer.Serialize(new { model = "auto", messages = messages.Select(m => new { role = m.Role, content = m.Content }) });

    private async Task<(string Cache, decimal Cost, string Content)> SendAsync(string body, string key = TestSettings.AlphaKey, string? taskType = null)
    {
        var request = Host.Post("/v1/chat/completions", body, key);
        if (taskType is not null)
        {
            request.Headers.Add("x-switchyard-task-type", taskType);
        }

        var response = await Host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (
            response.Headers.GetValues("x-switchyard-cache").Single(),
            decimal.Parse(response.Headers.GetValues("x-switchyard-cost-usd").Single(), System.Globalization.CultureInfo.InvariantCulture),
            json.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!);
    }

    private async Task<JsonElement> AdminAsync(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestSettings.AdminKey);
        var response = await Host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static string Topic() => $"zq{Guid.NewGuid():N}"[..12];

    [Fact]
    public async Task Post_ARewordingOfACachedQuestion_HitsSemanticallyAtZeroCost()
    {
        var topic = Topic();
        var first = await SendAsync(Body(("user", $"How do I reset the {topic} password on Linux?")));

        var second = await SendAsync(Body(("user", $"how do i reset the {topic} password on linux")));

        Assert.Equal("miss", first.Cache);
        Assert.Equal("hit-semantic", second.Cache);
        Assert.Equal(0m, second.Cost);
        Assert.Equal(first.Content, second.Content);
    }

    [Fact]
    public async Task Post_IdenticalAndReworded_FromTwoTenantsConcurrently_NeverCrossTenants()
    {
        var questions = UnlikeQuestions.Take(12);
        await Task.WhenAll(questions.Select(q => SendAsync(Body(("user", q)))));

        // Alpha's rewordings and beta's identical prompts race: alpha must hit its own entries, beta must never see them.
        var alpha = questions.Select(q => SendAsync(Body(("user", UnlikeQuestions.Reworded(q))))).ToList();
        var beta = questions.Select(q => SendAsync(Body(("user", q)), TestSettings.BetaKey)).ToList();
        await Task.WhenAll(alpha.Concat(beta));

        Assert.All(alpha, r => Assert.Equal("hit-semantic", r.Result.Cache));
        Assert.All(beta, r => Assert.Equal("miss", r.Result.Cache));
    }

    [Fact]
    public async Task Post_TheSameFollowUpAfterDifferentEarlierTurns_Misses()
    {
        var topic = Topic();
        await SendAsync(Body(("user", $"Write a quicksort for {topic} in C#."), ("assistant", "Here is one."), ("user", "and in Python?")));

        var sameConversation = await SendAsync(Body(("user", $"Write a quicksort for {topic} in C#."), ("assistant", "Here is one."), ("user", "And in Python")));
        var otherConversation = await SendAsync(Body(("user", $"Write a web server for {topic} in Go."), ("assistant", "Here is one."), ("user", "and in Python?")));

        Assert.Equal("hit-semantic", sameConversation.Cache);
        Assert.Equal("miss", otherConversation.Cache);
    }

    [Fact]
    public async Task Post_WithNoStore_IsNeitherServedNorStored()
    {
        var body = Body(("user", $"What does {Topic()} mean?"));
        var request = Host.Post("/v1/chat/completions", body);
        request.Headers.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { NoStore = true };
        Assert.Equal("miss", (await Host.Http.SendAsync(request)).Headers.GetValues("x-switchyard-cache").Single());

        Assert.Equal("miss", (await SendAsync(body)).Cache);
    }

    [Fact]
    public async Task AdminDelete_ByTaskType_InvalidatesOnlyThatTaskTypeOfThatTenant()
    {
        var topic = Topic();
        var summary = Body(("user", $"Summarise the {topic} report."));
        var translation = Body(("user", $"Translate the {topic} report."));
        await SendAsync(summary, taskType: "summarize");
        await SendAsync(translation, taskType: "translate");
        await SendAsync(summary, TestSettings.BetaKey, taskType: "summarize");

        var deleted = await AdminAsync(HttpMethod.Delete, "/admin/cache/alpha?task_type=summarize");

        Assert.True(deleted.GetProperty("removed").GetInt32() >= 1);
        Assert.Equal("summarize", deleted.GetProperty("task_type").GetString());
        Assert.Equal("miss", (await SendAsync(summary, taskType: "summarize")).Cache);
        Assert.Equal("hit-exact", (await SendAsync(translation, taskType: "translate")).Cache);
        Assert.Equal("hit-exact", (await SendAsync(summary, TestSettings.BetaKey, taskType: "summarize")).Cache);
    }

    [Fact]
    public async Task AdminGet_ShowsTheTenantsCacheCounters()
    {
        var body = Body(("user", $"Count {Topic()} for me."));
        await SendAsync(body, TestSettings.BetaKey);
        await SendAsync(body, TestSettings.BetaKey);

        var stats = await AdminAsync(HttpMethod.Get, "/admin/cache/beta");

        Assert.Equal("beta", stats.GetProperty("tenant").GetString());
        Assert.True(stats.GetProperty("entries").GetInt32() >= 1);
        Assert.True(stats.GetProperty("exact_hits").GetInt64() >= 1);
        Assert.True(stats.GetProperty("bytes").GetInt64() > 0);
        Assert.True(stats.GetProperty("capacity_bytes").GetInt64() >= stats.GetProperty("bytes").GetInt64());
    }

    [Fact]
    public async Task Admin_ForAnUnknownTenant_Is404_AndWithoutTheAdminKey_Is401()
    {
        var unknown = new HttpRequestMessage(HttpMethod.Delete, "/admin/cache/nobody");
        unknown.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestSettings.AdminKey);
        var response = await Host.Http.SendAsync(unknown);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("tenant_not_found", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("code").GetString());

        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Http.SendAsync(Host.Get("/admin/cache/alpha", TestSettings.AlphaKey))).StatusCode);
    }
}
