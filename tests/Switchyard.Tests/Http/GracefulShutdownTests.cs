using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Http;

/// <summary>SIGTERM while requests are in flight, as a Kubernetes rollout does it.</summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Sigterm_LetsInFlightRequestsFinish_AndLeavesNoHoldBehind()
    {
        var dataDirectory = TestSettings.NewDataDirectory();
        try
        {
            decimal acknowledged;
            await using (var silo = await SiloProcess.StartAsync(dataDirectory, new Dictionary<string, string>
            {
                // Slow enough that the requests are still running when the signal arrives.
                ["Switchyard__Models__sim-frontier__Simulation__LatencyMilliseconds"] = "1500",
                ["Switchyard__ShutdownTimeout"] = "00:00:20",
            }))
            {
                var inFlight = Enumerable.Range(0, 4).Select(i => SendAsync(silo.Http, $"Shutdown {i} {Guid.NewGuid()}")).ToList();
                await Task.Delay(500);
                var exit = silo.TerminateAsync(TimeSpan.FromSeconds(60));

                var responses = await Task.WhenAll(inFlight);
                Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
                acknowledged = responses.Sum(r => decimal.Parse(r.Headers.GetValues("x-switchyard-cost-usd").Single(), CultureInfo.InvariantCulture));
                Assert.Equal(0, await exit);
            }

            await using var restarted = await SiloProcess.StartAsync(dataDirectory);
            using var usageRequest = new HttpRequestMessage(HttpMethod.Get, "/v1/usage");
            usageRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestSettings.AlphaKey);
            var usage = JsonDocument.Parse(await (await restarted.Http.SendAsync(usageRequest)).Content.ReadAsStringAsync()).RootElement;

            Assert.Equal(acknowledged, usage.GetProperty("spent_usd").GetDecimal());
            Assert.Equal(0m, usage.GetProperty("held_usd").GetDecimal());
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string prompt)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = new StringContent($$"""{"model": "sim-frontier", "messages": [{"role": "user", "content": "{{prompt}}"}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestSettings.AlphaKey);
        return await http.SendAsync(request);
    }
}
