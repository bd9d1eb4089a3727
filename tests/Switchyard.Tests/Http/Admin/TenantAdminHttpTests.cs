using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Http.Admin;

[Collection(SiloHostCollection.Name)]
public sealed class TenantAdminHttpTests(SiloHostFixture fixture)
{
    private SiloHost Host => fixture.Host;

    private static string NewTenant() => "t-" + Guid.NewGuid().ToString("N")[..12];

    private static string NewKey() => "sk-rt-" + Guid.NewGuid().ToString("N");

    private static string Body(string key, string monthly = "5", string extra = "") =>
        $$"""{"api_keys": ["{{key}}"], "budget": {"monthly_usd": {{monthly}}, "daily_usd": 1, "hard": true, "max_request_usd": 0.5, "downgrade_below_usd": 0.1}, "rate_limits": {"rpm": 600, "tpm": 100000}, "alert_webhook": "https://hooks.example.com/budget"{{extra}}}""";

    private HttpRequestMessage Put(string tenant, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/admin/tenants/{tenant}") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestSettings.AdminKey);
        return request;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpRequestMessage request)
    {
        using var response = await Host.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task Put_ANewTenant_CreatesItWithoutEchoingKeysAndItsKeyWorksOnV1()
    {
        var tenant = NewTenant();
        var key = NewKey();

        var (status, body) = await SendAsync(Put(tenant, Body(key)));
        var (usageStatus, usage) = await SendAsync(Host.Get("/v1/usage", key));
        var (budgetStatus, budget) = await SendAsync(Host.Get($"/admin/tenants/{tenant}/budget", TestSettings.AdminKey));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.True(body.GetProperty("created").GetBoolean());
        Assert.Equal(1, body.GetProperty("api_key_count").GetInt32());
        Assert.DoesNotContain(key, body.GetRawText());
        Assert.Equal(HttpStatusCode.OK, usageStatus);
        Assert.Equal(tenant, usage.GetProperty("tenant").GetString());
        Assert.Equal(HttpStatusCode.OK, budgetStatus);
        Assert.Equal(5m, budget.GetProperty("cap_usd").GetDecimal());
        Assert.Equal(1m, budget.GetProperty("daily_cap_usd").GetDecimal());
        Assert.Equal(0m, budget.GetProperty("spent_usd").GetDecimal());
        Assert.Equal(0m, budget.GetProperty("forecast_usd").GetDecimal());
        Assert.Equal(0, budget.GetProperty("alerts").GetArrayLength());
    }

    [Fact]
    public async Task Put_AnExistingTenant_UpdatesItsBudgetAndKeys()
    {
        var tenant = NewTenant();
        var oldKey = NewKey();
        var newKey = NewKey();
        await SendAsync(Put(tenant, Body(oldKey)));

        var (status, body) = await SendAsync(Put(tenant, Body(newKey, monthly: "7.25")));
        var (oldStatus, _) = await SendAsync(Host.Get("/v1/usage", oldKey));
        var (_, budget) = await SendAsync(Host.Get($"/admin/tenants/{tenant}/budget", TestSettings.AdminKey));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.GetProperty("created").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, oldStatus);
        Assert.Equal(7.25m, budget.GetProperty("cap_usd").GetDecimal());
    }

    [Fact]
    public async Task RuntimeTenant_WithASmallHardCap_IsRefusedWith402OnceSpent()
    {
        var tenant = NewTenant();
        var key = NewKey();
        await SendAsync(Put(tenant, $$$"""{"api_keys": ["{{{key}}}"], "budget": {"monthly_usd": 0.0000001}}"""));

        var (status, body) = await SendAsync(Host.Post("/v1/chat/completions", """{"model": "auto", "messages": [{"role": "user", "content": "hello there"}]}""", key));

        Assert.Equal(HttpStatusCode.PaymentRequired, status);
        Assert.Contains("monthly budget", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("{not json", null)]
    [InlineData("[]", null)]
    [InlineData("""{"budget": {"monthly_usd": 5}}""", "api_keys")]
    [InlineData("""{"api_keys": [], "budget": {"monthly_usd": 5}}""", "api_keys")]
    [InlineData("""{"api_keys": ["short"], "budget": {"monthly_usd": 5}}""", "api_keys[0]")]
    [InlineData("""{"api_keys": ["sk-a-long-enough-key-1"], "budget": {"monthly_usd": -1}}""", "budget.monthly_usd")]
    [InlineData("""{"api_keys": ["sk-a-long-enough-key-1"], "budget": {"monthly_usd": "ten"}}""", "budget.monthly_usd")]
    [InlineData("""{"api_keys": ["sk-a-long-enough-key-1"], "budget": {"daily_usd": 1}}""", "budget.monthly_usd")]
    [InlineData("""{"api_keys": ["sk-a-long-enough-key-1"], "budget": {"monthly_usd": 5, "hard": "yes"}}""", "budget.hard")]
    [InlineData("""{"api_keys": ["sk-a-long-enough-key-1"], "budget": {"monthly_usd": 5, "weekly_usd": 1}}""", "budget.weekly_usd")]
    [InlineData("""{"api_keys": ["sk-a-long-enough-key-1"], "budget": {"monthly_usd": 5}, "colour": 3}""", "colour")]
    [InlineData("""{"api_keys": ["sk-a-long-enough-key-1"], "budget": {"monthly_usd": 5}, "rate_limits": {"rpm": 0}}""", "rate_limits.rpm")]
    [InlineData("""{"api_keys": ["sk-a-long-enough-key-1"], "budget": {"monthly_usd": 5}, "rate_limits": {"rpm": "many"}}""", "rate_limits.rpm")]
    [InlineData("""{"api_keys": ["sk-a-long-enough-key-1"], "budget": {"monthly_usd": 5}, "alert_webhook": "not a url"}""", "alert_webhook")]
    [InlineData("""{"api_keys": ["sk-test-admin-key-x"], "budget": {"monthly_usd": 5}, "alert_webhook": 12}""", "alert_webhook")]
    public async Task Put_WithBadInput_Answers400AndCreatesNothing(string json, string? param)
    {
        var tenant = NewTenant();

        var (status, body) = await SendAsync(Put(tenant, json));
        var (budgetStatus, _) = await SendAsync(Host.Get($"/admin/tenants/{tenant}/budget", TestSettings.AdminKey));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = body.GetProperty("error");
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        if (param is not null)
        {
            Assert.Equal(param, error.GetProperty("param").GetString());
        }

        Assert.Equal(HttpStatusCode.NotFound, budgetStatus);
    }

    [Fact]
    public async Task Put_WithAnotherTenantsKey_Answers400AndCreatesNothing()
    {
        var owner = NewTenant();
        var thief = NewTenant();
        var key = NewKey();
        await SendAsync(Put(owner, Body(key)));

        var (status, body) = await SendAsync(Put(thief, Body(key)));
        var (budgetStatus, _) = await SendAsync(Host.Get($"/admin/tenants/{thief}/budget", TestSettings.AdminKey));
        var (_, usage) = await SendAsync(Host.Get("/v1/usage", key));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("api_keys", body.GetProperty("error").GetProperty("param").GetString());
        Assert.Equal(HttpStatusCode.NotFound, budgetStatus);
        Assert.Equal(owner, usage.GetProperty("tenant").GetString());
    }

    [Fact]
    public async Task GetBudget_OfAnUnknownTenant_Answers404()
    {
        var (status, body) = await SendAsync(Host.Get("/admin/tenants/nobody-here/budget", TestSettings.AdminKey));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("tenant_not_found", body.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Put_WithoutTheAdminKey_Answers401()
    {
        var request = Put(NewTenant(), Body(NewKey()));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestSettings.AlphaKey);

        var (status, _) = await SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }
}
