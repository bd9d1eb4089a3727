using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Http;

public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task SettledSpend_SurvivesAKilledSiloProcess()
    {
        var dataDirectory = TestSettings.NewDataDirectory();
        try
        {
            var acknowledged = 0m;
            await using (var silo = await SiloProcess.StartAsync(dataDirectory))
            {
                for (var i = 0; i < 5; i++)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
                    {
                        Content = new StringContent($$"""{"model": "auto", "messages": [{"role": "user", "content": "Crash test {{i}} {{Guid.NewGuid()}}"}]}""", Encoding.UTF8, "application/json"),
                    };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestSettings.AlphaKey);
                    using var response = await silo.Http.SendAsync(request);
                    response.EnsureSuccessStatusCode();
                    acknowledged += decimal.Parse(response.Headers.GetValues("x-switchyard-cost-usd").Single(), CultureInfo.InvariantCulture);
                }

                silo.Kill();
            }

            await using var restarted = await SiloProcess.StartAsync(dataDirectory);
            using var usageRequest = new HttpRequestMessage(HttpMethod.Get, "/v1/usage");
            usageRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestSettings.AlphaKey);
            using var usage = await restarted.Http.SendAsync(usageRequest);
            var json = JsonDocument.Parse(await usage.Content.ReadAsStringAsync()).RootElement;

            Assert.True(acknowledged > 0m);
            Assert.Equal(acknowledged, json.GetProperty("spent_usd").GetDecimal());
            Assert.Equal(5, json.GetProperty("requests").GetInt32());
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task SettledSpend_OfABurstOfConcurrentRequests_SurvivesAKilledSiloProcess()
    {
        const int burst = 120;
        var dataDirectory = TestSettings.NewDataDirectory();
        try
        {
            decimal[] costs;
            await using (var silo = await SiloProcess.StartAsync(dataDirectory))
            {
                costs = await Task.WhenAll(Enumerable.Range(0, burst).Select(async i =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
                    {
                        Content = new StringContent($$"""{"model": "auto", "messages": [{"role": "user", "content": "Burst {{i}} {{Guid.NewGuid()}}"}]}""", Encoding.UTF8, "application/json"),
                    };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestSettings.BetaKey);
                    using var response = await silo.Http.SendAsync(request);
                    response.EnsureSuccessStatusCode();
                    return decimal.Parse(response.Headers.GetValues("x-switchyard-cost-usd").Single(), CultureInfo.InvariantCulture);
                }));

                // The instant the last response is in: no shutdown, no flush.
                silo.Kill();
            }

            await using var restarted = await SiloProcess.StartAsync(dataDirectory);
            using var usageRequest = new HttpRequestMessage(HttpMethod.Get, "/v1/usage");
            usageRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestSettings.BetaKey);
            using var usage = await restarted.Http.SendAsync(usageRequest);
            var json = JsonDocument.Parse(await usage.Content.ReadAsStringAsync()).RootElement;

            Assert.All(costs, cost => Assert.True(cost > 0m));
            Assert.Equal(costs.Sum(), json.GetProperty("spent_usd").GetDecimal());
            Assert.Equal(burst, json.GetProperty("requests").GetInt32());
            Assert.Equal(0m, json.GetProperty("held_usd").GetDecimal());
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
