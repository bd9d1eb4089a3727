using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Http.Admin;

[Collection(SiloHostCollection.Name)]
public sealed class AlertWebhookHttpTests(SiloHostFixture fixture)
{
    private SiloHost Host => fixture.Host;

    [Fact]
    public async Task SpendPastTheThresholds_PostsEachAlertToTheWebhookOnce()
    {
        using var listener = new HttpListener();
        var port = FreePort.Next();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = new ConcurrentQueue<JsonElement>();
        var threeReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var receiving = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                // The port was free when picked; a stray probe from another test may still reach it.
                if (context.Request.HttpMethod != "POST" || context.Request.Url?.AbsolutePath != "/hook")
                {
                    context.Response.StatusCode = 404;
                    context.Response.Close();
                    continue;
                }

                using var reader = new StreamReader(context.Request.InputStream);
                var text = await reader.ReadToEndAsync();
                if (text.Length == 0)
                {
                    // A request with no body (seen now and then under load; its origin is not established)
                    // carries no alert. Every alert must still arrive whole, exactly once.
                    context.Response.StatusCode = 400;
                    context.Response.Close();
                    continue;
                }

                received.Enqueue(JsonDocument.Parse(text).RootElement.Clone());
                if (received.Count >= 3)
                {
                    threeReceived.TrySetResult();
                }

                context.Response.StatusCode = 204;
                context.Response.Close();
            }
        });

        var tenant = "al-" + Guid.NewGuid().ToString("N")[..8];
        var key = "sk-al-" + Guid.NewGuid().ToString("N");
        using (var put = new HttpRequestMessage(HttpMethod.Put, $"/admin/tenants/{tenant}")
        {
            Content = new StringContent($$$"""{"api_keys": ["{{{key}}}"], "budget": {"monthly_usd": 0.0000001, "hard": false}, "alert_webhook": "http://127.0.0.1:{{{port}}}/hook"}""", Encoding.UTF8, "application/json"),
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

        // The webhook is posted off the request path.
        await threeReceived.Task.WaitAsync(TimeSpan.FromSeconds(20));
        listener.Stop();
        await receiving;

        var names = received.Select(r => r.GetProperty("alert").GetString()).Where(n => n!.StartsWith("spend_", StringComparison.Ordinal)).Order().ToList();
        Assert.Equal(["spend_100pct", "spend_50pct", "spend_80pct"], names);
        Assert.All(received, r => Assert.Equal(tenant, r.GetProperty("tenant").GetString()));
        Assert.Contains("spend_100pct", alerts);
        Assert.Contains("soft_cap_exceeded", alerts);
    }
}
