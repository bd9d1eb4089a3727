using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Http.Admin;

[Collection(SiloHostCollection.Name)]
public sealed class BudgetUnderLoadHttpTests(SiloHostFixture fixture)
{
    private SiloHost Host => fixture.Host;

    [Fact]
    public async Task ThousandConcurrentRequests_AgainstASmallHardCap_NeverOverspendAndChargeEveryServedCostOnce()
    {
        const decimal cap = 0.002m;
        var tenant = "load-" + Guid.NewGuid().ToString("N")[..8];
        var key = "sk-load-" + Guid.NewGuid().ToString("N");
        using (var put = new HttpRequestMessage(HttpMethod.Put, $"/admin/tenants/{tenant}")
        {
            Content = new StringContent($$$"""{"api_keys": ["{{{key}}}"], "budget": {"monthly_usd": {{{cap.ToString(CultureInfo.InvariantCulture)}}}, "hard": true}}""", Encoding.UTF8, "application/json"),
        })
        {
            put.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestSettings.AdminKey);
            using var created = await Host.Http.SendAsync(put);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 1000).Select(async i =>
        {
            using var request = Host.Post(
                "/v1/chat/completions",
                $$$"""{"model": "auto", "max_tokens": 50, "messages": [{"role": "user", "content": "Load {{{i}}} {{{Guid.NewGuid()}}}: summarize the quarterly report."}]}""",
                key);
            using var response = await Host.Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var cost = response.StatusCode == HttpStatusCode.OK
                ? decimal.Parse(response.Headers.GetValues("x-switchyard-cost-usd").Single(), CultureInfo.InvariantCulture)
                : 0m;
            return (response.StatusCode, Cost: cost, Body: body);
        }));

        using var budgetRequest = Host.Get($"/admin/tenants/{tenant}/budget", TestSettings.AdminKey);
        using var budgetResponse = await Host.Http.SendAsync(budgetRequest);
        var budget = JsonDocument.Parse(await budgetResponse.Content.ReadAsStringAsync()).RootElement;
        var spent = budget.GetProperty("spent_usd").GetDecimal();
        var served = outcomes.Where(o => o.StatusCode == HttpStatusCode.OK).ToArray();
        var refused = outcomes.Where(o => o.StatusCode != HttpStatusCode.OK).ToArray();

        Assert.NotEmpty(served);
        Assert.NotEmpty(refused);
        Assert.True(spent <= cap, $"Spent {spent} USD past the cap of {cap} USD.");
        Assert.Equal(served.Sum(o => o.Cost), spent);
        Assert.Equal(served.Length, budget.GetProperty("requests").GetInt32());
        Assert.Equal(0m, budget.GetProperty("reserved_usd").GetDecimal());
        Assert.All(refused, o =>
        {
            Assert.Equal(HttpStatusCode.PaymentRequired, o.StatusCode);
            Assert.Contains("monthly budget of 0.002 USD would be exceeded", JsonDocument.Parse(o.Body).RootElement.GetProperty("error").GetProperty("message").GetString());
        });
    }
}
