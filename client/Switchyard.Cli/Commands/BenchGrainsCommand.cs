using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HdrHistogram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Switchyard.Cli.Chaos;
using Switchyard.Client;
using Switchyard.Completion;

namespace Switchyard.Cli.Commands;

/// <summary>
/// <c>switchyard bench grains</c>: requests per second through the Orleans grain client, on one silo and
/// then on more (real silo processes clustered through Redis), with the simulated models answering at once.
/// </summary>
internal static class BenchGrainsCommand
{
    /// <summary>Defines <c>bench grains</c>.</summary>
    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var silos = new Option<int>("--silos") { Description = "Measure on 1 up to this many silos. Default: 3.", DefaultValueFactory = _ => 3 };
        var duration = new Option<int>("--duration") { Description = "Seconds measured per cluster size. Default: 10.", DefaultValueFactory = _ => 10 };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight at once. Default: 64.", DefaultValueFactory = _ => 64 };
        var tenants = new Option<int>("--tenants") { Description = "Tenants the requests are spread over. Default: 100.", DefaultValueFactory = _ => 100 };
        var siloDll = new Option<string?>("--silo-dll") { Description = "The built Switchyard.Silo.dll. Default: the newest build under silo/Switchyard.Silo/bin." };
        var command = new Command("grains", "Requests per second through the grain client on 1, 2, … silos (simulated instant models, cache bypassed).")
        {
            silos, duration, concurrency, tenants, siloDll,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (maxSilos, seconds, inFlight, tenantCount) = (parse.GetValue(silos), parse.GetValue(duration), parse.GetValue(concurrency), parse.GetValue(tenants));
            if (maxSilos is < 1 or > 8 || seconds < 1 || inFlight < 1 || tenantCount < 1)
            {
                await environment.Error.WriteLineAsync("switchyard: --silos must be 1-8, and --duration, --concurrency and --tenants at least 1.");
                return ExitCodes.Failure;
            }

            var dll = parse.GetValue(siloDll) ?? ChaosCommand.FindSiloDll();
            if (dll is null || !File.Exists(dll))
            {
                await environment.Error.WriteLineAsync("switchyard: the silo is not built; run 'dotnet build -c Release silo/Switchyard.Silo' or pass --silo-dll.");
                return ExitCodes.Failure;
            }

            var json = parse.GetValue(global.Output) == Output.OutputFormat.Json;
            var runs = new List<GrainsRun>();
            for (var n = 1; n <= maxSilos; n++)
            {
                if (!json)
                {
                    environment.Console.MarkupLine($"[grey]{n} silo(s): starting…[/]");
                }

                runs.Add(await MeasureAsync(n, tenantCount, inFlight, TimeSpan.FromSeconds(seconds), dll, cancellationToken));
            }

            if (json)
            {
                await environment.Out.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    cores = Environment.ProcessorCount,
                    concurrency = inFlight,
                    duration_s = seconds,
                    runs = runs.Select(r => new { silos = r.Silos, requests = r.Requests, errors = r.Errors, rps = Math.Round(r.Rps, 1), p50_ms = r.P50Ms, p99_ms = r.P99Ms }),
                }));
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("silos", "requests", "errors", "requests/s", "p50 ms", "p99 ms", "vs 1 silo");
            foreach (var run in runs)
            {
                table.AddRow(
                    run.Silos.ToString(CultureInfo.InvariantCulture), run.Requests.ToString("N0", CultureInfo.InvariantCulture), run.Errors.ToString(CultureInfo.InvariantCulture),
                    run.Rps.ToString("N0", CultureInfo.InvariantCulture), run.P50Ms.ToString("0.00", CultureInfo.InvariantCulture), run.P99Ms.ToString("0.00", CultureInfo.InvariantCulture),
                    (run.Rps / runs[0].Rps).ToString("0.00×", CultureInfo.InvariantCulture));
            }

            environment.Console.Write(table);
            environment.Console.MarkupLine($"[grey]{Environment.ProcessorCount} cores shared by the silos and this client.[/]");
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<GrainsRun> MeasureAsync(int silos, int tenants, int inFlight, TimeSpan duration, string siloDll, CancellationToken cancellationToken)
    {
        await using var cluster = await ChaosCluster.StartAsync(
            new ChaosSettings(silos, Requests: 0, KillAfter: 0, RoomyIndex(tenants) + 1, inFlight, siloDll, ModelLatencyMilliseconds: 0), cancellationToken);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.AddSwitchyardClient(options =>
        {
            options.Provider = SwitchyardClientOptions.RedisProvider;
            options.Redis = cluster.Redis;
            options.ClusterId = cluster.ClusterId;
            options.ServiceId = cluster.ClusterId;
        });
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var client = host.Services.GetRequiredService<ISwitchyardClient>();

        // Warm up every silo's code paths, then measure.
        await DriveAsync(client, tenants, inFlight, TimeSpan.FromSeconds(3), null, cancellationToken);
        var histogram = new LongHistogram(TimeStamp.Seconds(60), 3);
        var started = Stopwatch.GetTimestamp();
        var (requests, errors) = await DriveAsync(client, tenants, inFlight, duration, histogram, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        await host.StopAsync(CancellationToken.None);

        double Ms(double percentile) => histogram.TotalCount == 0 ? 0 : histogram.GetValueAtPercentile(percentile) * 1000.0 / Stopwatch.Frequency;
        return new GrainsRun(silos, requests, errors, requests / elapsed.TotalSeconds, Math.Round(Ms(50), 2), Math.Round(Ms(99), 2));
    }

    private static async Task<(long Requests, long Errors)> DriveAsync(
        ISwitchyardClient client, int tenants, int inFlight, TimeSpan duration, LongHistogram? histogram, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long requests = 0, errors = 0, sequence = 0;
        var run = Guid.NewGuid().ToString("N")[..8];
        var options = new SwitchyardRequestOptions { NoStore = true };
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async worker =>
        {
            while (Stopwatch.GetTimestamp() < deadline && !cancellationToken.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref sequence);
                var tenant = ChaosCluster.TenantOf(RoomyIndex((int)(n % tenants)));
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await client.CompleteAsync(tenant, "default", [new PromptMessage("user", $"Benchmark question {n} of run {run}")], options, cancellationToken);
                    Interlocked.Increment(ref requests);
                    if (histogram is not null)
                    {
                        lock (histogram)
                        {
                            histogram.RecordValue(Stopwatch.GetTimestamp() - start);
                        }
                    }
                }
                catch (SwitchyardException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        return (requests, errors);
    }

    /// <summary>The index of the <paramref name="k"/>-th tenant whose cap no run reaches (the cluster gives every fourth a tight one).</summary>
    private static int RoomyIndex(int k) => (k / 3 * 4) + (k % 3);

    private sealed record GrainsRun(int Silos, long Requests, long Errors, double Rps, double P50Ms, double P99Ms);
}
