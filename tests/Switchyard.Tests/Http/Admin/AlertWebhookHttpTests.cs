using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Http.Admin;

[Collection(SiloHostCollection.Name)]
public sealed class AlertWebhookHttpTests(SiloHostFixture fixture)
{
    private SiloHost Host => fixture.Host;

    [Fact]
    public async Task SpendPastTheThresholds_PostsEachAlertToTheWebhookOnce()
    {
        var received = new ConcurrentQueue<JsonElement>();
        var threeReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await using var hook = LoopbackServer.Create();
        hook.MapPost("/hook", async (HttpContext context) =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            received.Enqueue(body.RootElement.Clone());
            if (received.Count >= 3)
            {
                threeReceived.TrySetResult();
            }

            return Results.NoContent();
        });
        await hook.StartAsync();
        var hookAddress = LoopbackServer.AddressOf(hook) + "/hook";

        var tenant = "al-" + Guid.NewGuid().ToString("N")[..8];
        var key = "sk-al-" + Guid.NewGuid().ToString("N");
        using (var put = new HttpRequestMessage(HttpMethod.Put, $"/admin/tenants/{tenant}")
        {
            Content = new StringContent($$$"""{"api_keys": ["{{{key}}}"], "budget": {"monthly_usd": 0.0000001, "hard": false}, "alert_webhook": "{{{hookAddress}}}"}""", Encoding.UTF8, "application/json"),
        })
        {
            put.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestSettings.AdminKey);
            using var created = await Host.Http.SendAsync(put);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        for (var i = 0; i < 2; i++)
        {
            using var request = Host.Post("/v1/chat/completions", $$$"""{"model": "auto", "messages": [{"role": "user", "content": "Alert {{{i}}} {{{Guid.NewGuid()}}}"}]}""", key);
            using var response = await Host.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var budgetRequest = Host.Get($"/admin/tenants/{tenant}/budget", TestSettings.AdminKey);
        using var budgetResponse = await Host.Http.SendAsync(budgetRequest);
        var alerts = JsonDocument.Parse(await budgetResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("alerts").EnumerateArray().Select(a => a.GetString()).ToList();

        // The webhook is posted off the request path; give a duplicate, if there were one, time to arrive.
        await threeReceived.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromMilliseconds(300));

        var names = received.Select(r => r.GetProperty("alert").GetString()).Where(n => n!.StartsWith("spend_", StringComparison.Ordinal)).Order().ToList();
        Assert.Equal(["spend_100pct", "spend_50pct", "spend_80pct"], names);
        Assert.All(received, r => Assert.Equal(tenant, r.GetProperty("tenant").GetString()));
        Assert.Contains("spend_100pct", alerts);
        Assert.Contains("soft_cap_exceeded", alerts);
    }
}
