using System.Globalization;
using System.Net;
using System.Text.Json;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Cluster;

/// <summary>
/// Two real silo hosts forming one cluster through a real Redis (membership and grain state), each
/// serving HTTP on its own loopback port.
/// </summary>
public sealed class RedisClusterTests : IAsyncLifetime
{
    private readonly string _clusterId = $"test-{Guid.NewGuid():N}";
    private readonly List<string> _directories = [];
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartNewAsync();

    public async Task DisposeAsync()
    {
        await _redis.DisposeAsync();
        foreach (var directory in _directories)
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private Task<SiloHost> StartSiloAsync()
    {
        var directory = TestSettings.NewDataDirectory();
        _directories.Add(directory);
        return SiloHost.StartAsync(directory, new Dictionary<string, string?>
        {
            ["Switchyard:Cluster:Provider"] = "Redis",
            ["Switchyard:Cluster:Redis"] = _redis.ConnectionString,
            ["Switchyard:Cluster:ClusterId"] = _clusterId,
            ["Switchyard:Cluster:ServiceId"] = _clusterId,
        });
    }

    private static async Task<HttpResponseMessage> CompleteAsync(SiloHost silo, string prompt) =>
        await silo.Http.SendAsync(silo.Post("/v1/chat/completions", $$"""{"model": "auto", "messages": [{"role": "user", "content": "{{prompt}}"}]}"""));

    private static async Task<decimal> SpentAsync(SiloHost silo)
    {
        var response = await silo.Http.SendAsync(silo.Get("/v1/usage"));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("spent_usd").GetDecimal();
    }

    private static decimal Cost(HttpResponseMessage response) =>
        decimal.Parse(response.Headers.GetValues("x-switchyard-cost-usd").Single(), CultureInfo.InvariantCulture);

    [Fact]
    public async Task TwoSilos_ShareOneBudgetAndOneCache_AndSpendSurvivesRestartingBoth()
    {
        var acknowledged = 0m;
        var prompt = $"Cluster {Guid.NewGuid()}";
        await using (var first = await StartSiloAsync())
        await using (var second = await StartSiloAsync())
        {
            for (var i = 0; i < 6; i++)
            {
                var response = await CompleteAsync(i % 2 == 0 ? first : second, $"{prompt} {i}");
                response.EnsureSuccessStatusCode();
                acknowledged += Cost(response);
            }

            var miss = await CompleteAsync(first, prompt);
            var hit = await CompleteAsync(second, prompt);
            acknowledged += Cost(miss);

            Assert.Equal("hit-exact", hit.Headers.GetValues("x-switchyard-cache").Single());
            Assert.Equal(acknowledged, await SpentAsync(first));
            Assert.Equal(acknowledged, await SpentAsync(second));
        }

        await using var restarted = await StartSiloAsync();
        Assert.Equal(acknowledged, await SpentAsync(restarted));
    }

    [Fact]
    public async Task ConfiguredTheWayAspireConfiguresIt_TheSiloClustersAndStoresInRedis()
    {
        var directory = TestSettings.NewDataDirectory();
        _directories.Add(directory);
        var aspire = new Dictionary<string, string?>
        {
            ["Orleans:ClusterId"] = _clusterId,
            ["Orleans:ServiceId"] = _clusterId,
            ["Orleans:Clustering:ProviderType"] = "Redis",
            ["Orleans:Clustering:ServiceKey"] = "redis",
            ["Orleans:GrainStorage:switchyard:ProviderType"] = "Redis",
            ["Orleans:GrainStorage:switchyard:ServiceKey"] = "redis",
            ["Orleans:Endpoints:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans:Endpoints:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["ConnectionStrings:redis"] = _redis.ConnectionString,
        };

        decimal cost;
        await using (var silo = await SiloHost.StartAsync(directory, aspire))
        {
            var response = await CompleteAsync(silo, $"Aspire {Guid.NewGuid()}");
            response.EnsureSuccessStatusCode();
            cost = Cost(response);
        }

        // The spend is in Redis, not on the silo's disk.
        Assert.Empty(Directory.EnumerateFiles(directory, "*.state", SearchOption.AllDirectories));
        await using var restarted = await SiloHost.StartAsync(directory, aspire);
        Assert.Equal(cost, await SpentAsync(restarted));
    }

    [Fact]
    public async Task WhenRedisIsDown_RequestsFailFastWith503_AndTheClusterRecoversWhenItIsBack()
    {
        await using var silo = await StartSiloAsync();
        (await CompleteAsync(silo, $"Before {Guid.NewGuid()}")).EnsureSuccessStatusCode();
        var before = await SpentAsync(silo);

        _redis.Stop();
        var started = DateTime.UtcNow;
        var during = await CompleteAsync(silo, $"During {Guid.NewGuid()}");
        var elapsed = DateTime.UtcNow - started;
        var error = JsonDocument.Parse(await during.Content.ReadAsStringAsync()).RootElement.GetProperty("error");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal("service_unavailable", error.GetProperty("code").GetString());
        Assert.True(elapsed < TimeSpan.FromSeconds(30), $"took {elapsed}");

        await _redis.StartAsync();
        HttpResponseMessage after;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            after = await CompleteAsync(silo, $"After {Guid.NewGuid()}");
        }
        while (after.StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline && await Task.Delay(250).ContinueWith(_ => true));

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(before + Cost(after), await SpentAsync(silo));
    }
}
