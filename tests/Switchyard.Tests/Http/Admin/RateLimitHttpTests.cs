using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Http.Admin;

[Collection(SiloHostCollection.Name)]
public sealed class RateLimitHttpTests(SiloHostFixture fixture)
{
    private SiloHost Host => fixture.Host;

    [Fact]
    public async Task ChatCompletions_PastTheTenantsRequestsPerMinute_Answers429WithRetryAfter()
    {
        var tenant = "rl-" + Guid.NewGuid().ToString("N")[..8];
        var key = "sk-rl-" + Guid.NewGuid().ToString("N");
        using (var put = new HttpRequestMessage(HttpMethod.Put, $"/admin/tenants/{tenant}")
        {
            Content = new StringContent($$$"""{"api_keys": ["{{{key}}}"], "budget": {"monthly_usd": 10}, "rate_limits": {"rpm": 3}}""", Encoding.UTF8, "application/json"),
        })
        {
            put.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestSettings.AdminKey);
            using var created = await Host.Http.SendAsync(put);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        // Seven requests at 3 per minute: whichever minute boundary falls among them, one minute
        // gets at least four, so at least one is limited.
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 7; i++)
        {
            using var request = Host.Post("/v1/chat/completions", $$$"""{"model": "auto", "messages": [{"role": "user", "content": "Rate {{{i}}} {{{Guid.NewGuid()}}}"}]}""", key);
            responses.Add(await Host.Http.SendAsync(request));
        }

        var limited = responses.FirstOrDefault(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.OK) <= 6);
        Assert.NotNull(limited);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single()), 1, 60);
        var error = JsonDocument.Parse(await limited.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("rate_limit_exceeded", error.GetProperty("code").GetString());
        Assert.Contains("3 requests per minute", error.GetProperty("message").GetString());

        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
