using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switchyard.Budget;
using Switchyard.Routing;
using Switchyard.Silo.Hosting;

namespace Switchyard.Benchmarks.Budget;

/// <summary>An in-process silo with file storage and <c>t0</c>…<c>tN</c> tenants whose budgets are hammered.</summary>
public sealed class BudgetBenchmark : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly int _tenants;
    private long _settled;

    private BudgetBenchmark(IHost host, int tenants, string dataDirectory)
    {
        _host = host;
        _tenants = tenants;
        DataDirectory = dataDirectory;
    }

    /// <summary>Where the silo keeps its files (deleted at the end).</summary>
    public string DataDirectory { get; }

    /// <summary>Starts a silo with <paramref name="tenants"/> tenants, each with a cap no run reaches.</summary>
    public static async Task<BudgetBenchmark> StartAsync(int tenants, BudgetDurability durability)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("switchyard-bench-").FullName;
        var builder = Host.CreateApplicationBuilder();
        var settings = new Dictionary<string, string?>
        {
            ["Switchyard:Models:sim-cheap:Provider"] = "simulated",
            ["Switchyard:Models:sim-cheap:Tier"] = "cheap",
            ["Switchyard:Models:sim-cheap:InputPerMillion"] = "0.15",
            ["Switchyard:Models:sim-cheap:OutputPerMillion"] = "0.60",
            ["Switchyard:DataDirectory"] = dataDirectory,
            ["Switchyard:Budget:Durability"] = durability.ToString(),
        };
        for (var i = 0; i < tenants; i++)
        {
            settings[$"Switchyard:Tenants:t{i}:MonthlyCapUsd"] = "1000000";
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(FreePort(), FreePort())
            .AddSwitchyard(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return new BudgetBenchmark(host, tenants, dataDirectory);
    }

    /// <summary>
    /// Keeps <paramref name="inFlight"/> reserve+settle pairs going against <paramref name="tenants"/>
    /// tenants for <paramref name="duration"/>, then prints the pairs completed per second.
    /// </summary>
    public async Task RunAsync(string name, int tenants, int inFlight, TimeSpan duration)
    {
        var grains = _host.Services.GetRequiredService<IGrainFactory>();
        var budgets = Enumerable.Range(0, tenants).Select(i => grains.GetGrain<ITenantBudgetGrain>($"t{i}")).ToArray();
        var latencies = new List<double>[inFlight];
        var stop = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, inFlight).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            var budget = budgets[worker % budgets.Length];
            var pair = Stopwatch.StartNew();
            while (stop.Elapsed < duration)
            {
                var requestId = Guid.NewGuid().ToString("N");
                pair.Restart();
                await budget.Reserve(requestId, 0.0010m, ModelTier.Cheap);
                await budget.Settle(requestId, 0.0007m);
                mine.Add(pair.Elapsed.TotalMilliseconds);
            }
        }).ToArray();
        await Task.WhenAll(workers);
        var elapsed = stop.Elapsed.TotalSeconds;

        var all = latencies.SelectMany(l => l).Order().ToArray();
        _settled += all.Length;
        var spent = 0m;
        for (var i = 0; i < _tenants; i++)
        {
            spent += (await grains.GetGrain<ITenantBudgetGrain>($"t{i}").GetSnapshot()).SpentUsd;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-26} {all.Length / elapsed,9:F0} pairs/s   p50 {Percentile(all, 0.50),7:F2} ms   p99 {Percentile(all, 0.99),7:F2} ms   {all.Length,8} pairs   spend exact: {spent == _settled * 0.0007m}"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Directory.Delete(DataDirectory, recursive: true);
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
