using System.Net;
using System.Text;
using System.Text.Json;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Ledger;

[Collection(SiloHostCollection.Name)]
public sealed class LedgerHttpTests(SiloHostFixture fixture)
{
    private SiloHost Host => fixture.Host;

    [Fact]
    public async Task TheDailyReport_TotalsExactlyWhatTheBudgetCharged_AndCountsCacheHitsApart()
    {
        var (tenant, key) = await LedgerScenario.CreateTenantAsync(Host);
        var charged = await LedgerScenario.SendAsync(Host, key, requests: 12);

        // A prompt sent twice: the second time an exact cache hit, recorded at no cost.
        var body = LedgerScenario.Body("Which printers support duplex scanning? " + Guid.NewGuid());
        for (var i = 0; i < 2; i++)
        {
            using var request = Host.Post("/v1/chat/completions", body, key);
            using var response = await Host.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            charged += LedgerScenario.CostOf(response);
            Assert.Equal(i == 0 ? "miss" : "hit-exact", response.Headers.GetValues("x-switchyard-cache").Single());
        }

        var report = await LedgerScenario.ReportAsync(Host, tenant);
        var spent = await LedgerScenario.SpentAsync(Host, tenant);

        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd"), report.GetProperty("date").GetString());
        Assert.Equal(spent, report.GetProperty("total_usd").GetDecimal());
        Assert.Equal(charged, spent);
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(spent, rows.Sum(r => r.GetProperty("cost_usd").GetDecimal()));
        Assert.True(rows.Sum(r => r.GetProperty("calls").GetInt64()) >= 13, "every request but the cache hit called at least one model");
        Assert.Equal(1, rows.Sum(r => r.GetProperty("cache_hits").GetInt64()));
        Assert.All(rows, r =>
        {
            Assert.StartsWith("sim-", r.GetProperty("model").GetString());
            Assert.True(r.GetProperty("prompt_tokens").GetInt64() > 0);
            Assert.True(r.GetProperty("completion_tokens").GetInt64() > 0);
            Assert.Equal(0, r.GetProperty("cached_tokens").GetInt64());
        });

        // Without a tenant the report covers everyone: at least this tenant's spend.
        var everyone = await LedgerScenario.ReportAsync(Host, null);
        Assert.True(everyone.GetProperty("total_usd").GetDecimal() >= spent);
    }

    [Theory]
    [InlineData("?date=24-11-2026", HttpStatusCode.BadRequest, "date")]
    [InlineData("?date=2026-02-30", HttpStatusCode.BadRequest, "date")]
    [InlineData("?date=2026-11-24&tenant=a%2Fb", HttpStatusCode.BadRequest, "tenant")]
    [InlineData("?date=2026-11-24&tenant=", HttpStatusCode.BadRequest, "tenant")]
    [InlineData("?date=2026-11-24&tenant=nobody-here", HttpStatusCode.NotFound, "tenant")]
    public async Task BadReportQueries_AreRefusedInTheOpenAIErrorShape(string query, HttpStatusCode status, string param)
    {
        using var request = Host.Get("/admin/reports/daily" + query, TestSettings.AdminKey);
        using var response = await Host.Http.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal(param, error.GetProperty("param").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task TheReport_NeedsTheAdminKey()
    {
        using var request = Host.Get("/admin/reports/daily", TestSettings.AlphaKey);
        using var response = await Host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ADayWithNoCalls_HasNoRowsAndAZeroTotal()
    {
        using var request = Host.Get("/admin/reports/daily?date=2001-01-01", TestSettings.AdminKey);
        using var response = await Host.Http.SendAsync(request);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2001-01-01", report.GetProperty("date").GetString());
        Assert.Empty(report.GetProperty("rows").EnumerateArray());
        Assert.Equal(0m, report.GetProperty("total_usd").GetDecimal());
    }
}

/// <summary>Requests, reports and budgets for the ledger tests, over real HTTP.</summary>
internal static class LedgerScenario
{
    public static string Body(string content) =>
        $$$"""{"model": "auto", "messages": [{"role": "user", "content": "{{{content}}}"}]}""";

    public static decimal CostOf(HttpResponseMessage response) =>
        decimal.Parse(response.Headers.GetValues("x-switchyard-cost-usd").Single(), System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<(string Tenant, string Key)> CreateTenantAsync(SiloHost host)
    {
        var tenant = "lg-" + Guid.NewGuid().ToString("N")[..10];
        var key = "sk-lg-" + Guid.NewGuid().ToString("N");
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/admin/tenants/{tenant}")
        {
            Content = new StringContent($$$"""{"api_keys": ["{{{key}}}"], "budget": {"monthly_usd": 100, "hard": true}}""", Encoding.UTF8, "application/json"),
        };
        put.Headers.Authorization = new("Bearer", TestSettings.AdminKey);
        using var created = await host.Http.SendAsync(put);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (tenant, key);
    }

    /// <summary>
    /// Sends distinct prompts at once, past the cache (<c>Cache-Control: no-store</c>) so every one calls a
    /// model, and returns the sum of the costs the responses reported.
    /// </summary>
    public static async Task<decimal> SendAsync(SiloHost host, string key, int requests)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var costs = await Task.WhenAll(Enumerable.Range(0, requests).Select(async i =>
        {
            using var request = host.Post("/v1/chat/completions", Body($"Ledger question {i} of run {run}"), key);
            request.Headers.CacheControl = new() { NoStore = true };
            using var response = await host.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("miss", response.Headers.GetValues("x-switchyard-cache").Single());
            return CostOf(response);
        }));
        return costs.Sum();
    }

    public static async Task<JsonElement> ReportAsync(SiloHost host, string? tenant)
    {
        var query = $"/admin/reports/daily?date={DateTime.UtcNow:yyyy-MM-dd}" + (tenant is null ? "" : $"&tenant={tenant}");
        using var request = host.Get(query, TestSettings.AdminKey);
        using var response = await host.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<decimal> SpentAsync(SiloHost host, string tenant)
    {
        using var request = host.Get($"/admin/tenants/{tenant}/budget", TestSettings.AdminKey);
        using var response = await host.Http.SendAsync(request);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("spent_usd").GetDecimal();
    }
}
