using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Http.Admin;

[Collection(SiloHostCollection.Name)]
public sealed class DowngradeHttpTests(SiloHostFixture fixture)
{
    private SiloHost Host => fixture.Host;

    private async Task<string> NewTenantBelowTheDowngradeAmountAsync()
    {
        var tenant = "dg-" + Guid.NewGuid().ToString("N")[..8];
        var key = "sk-dg-" + Guid.NewGuid().ToString("N");
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/admin/tenants/{tenant}")
        {
            Content = new StringContent($$$"""{"api_keys": ["{{{key}}}"], "budget": {"monthly_usd": 1, "downgrade_below_usd": 2}}""", Encoding.UTF8, "application/json"),
        };
        put.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestSettings.AdminKey);
        using var response = await Host.Http.SendAsync(put);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return key;
    }

    [Fact]
    public async Task FrontierOnlyTask_BelowTheDowngradeAmount_IsServedByTheMidTier()
    {
        var key = await NewTenantBelowTheDowngradeAmountAsync();
        using var request = Host.Post("/v1/chat/completions", """{"model": "auto", "messages": [{"role": "user", "content": "Is this clause enforceable?"}]}""", key);
        request.Headers.Add("x-switchyard-task-type", "legal_analysis");

        using var response = await Host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("sim-mid", response.Headers.GetValues("x-switchyard-model").Single());
    }

    [Fact]
    public async Task PinnedFrontierModel_BelowTheDowngradeAmount_IsRefusedWith402()
    {
        var key = await NewTenantBelowTheDowngradeAmountAsync();
        using var request = Host.Post("/v1/chat/completions", """{"model": "sim-frontier", "messages": [{"role": "user", "content": "Is this clause enforceable?"}]}""", key);

        using var response = await Host.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Contains("frontier tier is not allowed", body);
    }
}
