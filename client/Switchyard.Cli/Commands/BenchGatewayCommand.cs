using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Switchyard.Cli.Gateway;
using Switchyard.Cli.Output;

namespace Switchyard.Cli.Commands;

/// <summary>
/// <c>switchyard bench gateway</c>: what Switchyard adds to every call, measured against an instant
/// upstream with open-loop load, side by side with the upstream alone and, with <c>--vs-portkey</c>,
/// the Portkey gateway in front of the same upstream.
/// </summary>
internal static class BenchGatewayCommand
{
    /// <summary>Defines the command.</summary>
    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var rps = AtLeastOne(new Option<int>("--rps") { Description = "Requests per second of the main run (a fixed arrival rate).", DefaultValueFactory = _ => 2000 });
        var duration = AtLeastOne(new Option<int>("--duration") { Description = "Seconds each measured run lasts.", DefaultValueFactory = _ => 10 });
        var warmUp = AtLeastOne(new Option<int>("--warmup") { Description = "Seconds each target is driven before measuring (requests are skipped while it is behind, so a slow start does not cut it short).", DefaultValueFactory = _ => 20 });
        var connections = AtLeastOne(new Option<int>("--connections") { Description = "Connections the load is sent over, per target.", DefaultValueFactory = _ => 50 });
        var vsPortkey = new Option<bool>("--vs-portkey") { Description = "Also run the Portkey gateway (installed from npm on first use) in front of the same upstream." };
        var scenario = new Option<GatewayScenario>("--scenario")
        {
            Description = "miss: every request new (the full path); exact: repeats served by the exact cache; semantic: rewordings served by the semantic cache.",
            HelpName = "miss|exact|semantic",
            DefaultValueFactory = _ => GatewayScenario.Miss,
        };
        var noMax = new Option<bool>("--no-max") { Description = "Skip the search for each target's maximum sustainable throughput." };
        var maxP99 = new Option<double>("--max-p99-ms") { Description = "p99 latency above which a rate counts as not sustained.", DefaultValueFactory = _ => 25 };
        var siloDll = new Option<string?>("--silo-dll") { Description = "The built Switchyard.Silo.dll. Default: the newest build under silo/Switchyard.Silo/bin." };
        var portkeyDir = new Option<string?>("--portkey-dir") { Description = $"Where Portkey is installed. Default: {PortkeyGateway.DefaultDirectory}." };

        var command = new Command("gateway", "Measure the latency and throughput Switchyard adds over an instant upstream, optionally against Portkey.")
        {
            rps, duration, warmUp, connections, vsPortkey, scenario, noMax, maxP99, siloDll, portkeyDir,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var dll = parse.GetValue(siloDll) ?? ChaosCommand.FindSiloDll();
            if (dll is null || !File.Exists(dll))
            {
                await environment.Error.WriteLineAsync("switchyard: the silo is not built; run 'dotnet build -c Release silo/Switchyard.Silo' or pass --silo-dll.");
                return ExitCodes.Failure;
            }

            var settings = new GatewayBenchSettings(
                parse.GetValue(rps), TimeSpan.FromSeconds(parse.GetValue(duration)), parse.GetValue(connections), parse.GetValue(vsPortkey), parse.GetValue(scenario), Path.GetFullPath(dll))
            {
                WarmUp = TimeSpan.FromSeconds(parse.GetValue(warmUp)),
                FindMax = !parse.GetValue(noMax),
                MaxP99Ms = parse.GetValue(maxP99),
                PortkeyDirectory = parse.GetValue(portkeyDir) ?? PortkeyGateway.DefaultDirectory,
            };
            return await RunAsync(settings, parse.GetValue(global.Output), environment, cancellationToken);
        });
        return command;
    }

    /// <summary>Runs the benchmark and prints it; non-zero exit when it could not run.</summary>
    public static async Task<int> RunAsync(GatewayBenchSettings settings, OutputFormat output, CliEnvironment environment, CancellationToken cancellationToken)
    {
        GatewayBenchResult result;
        try
        {
            if (output == OutputFormat.Json || !environment.IsTerminal)
            {
                var last = "";
                result = await new GatewayBenchRunner(settings, (what, _, _) =>
                {
                    if (what != last)
                    {
                        environment.Error.WriteLine(what);
                        last = what;
                    }
                }).RunAsync(cancellationToken);
            }
            else
            {
                result = await environment.Console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask("starting");
                        return await new GatewayBenchRunner(settings, (what, done, total) =>
                        {
                            task.Description = Markup.Escape(what);
                            task.MaxValue = Math.Max(1, total);
                            task.Value = done;
                        }).RunAsync(cancellationToken);
                    });
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await environment.Error.WriteLineAsync($"switchyard: gateway benchmark failed: {exception.Message}");
            return ExitCodes.Failure;
        }

        if (output == OutputFormat.Json)
        {
            await environment.Out.WriteLineAsync(JsonSerializer.Serialize(result, CliJsonContext.Default.GatewayBenchResult));
        }
        else
        {
            environment.Console.Write(Table(result));
        }

        return ExitCodes.Success;
    }

    private static Table Table(GatewayBenchResult result)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("target").AddColumn("rps offered").AddColumn("rps served").AddColumn("errors")
            .AddColumn("p50 ms").AddColumn("p90 ms").AddColumn("p99 ms").AddColumn("p99.9 ms").AddColumn("CPU s").AddColumn("peak MiB").AddColumn("max rps");
        void Row(string name, LoadRun? run, double? max)
        {
            if (run is null)
            {
                return;
            }

            table.AddRow(
                name, Number(run.OfferedRps), Number(run.ThroughputRps), Number(run.Errors), Number(run.P50Ms), Number(run.P90Ms), Number(run.P99Ms),
                Number(run.P999Ms), Number(run.CpuSeconds), Number(run.PeakMemoryMb), Number(max));
        }

        Row("direct", result.Direct, result.MaxRps.Direct);
        Row("switchyard", result.Switchyard, result.MaxRps.Switchyard);
        Row("portkey", result.Portkey, result.MaxRps.Portkey);
        Row("direct @500", result.At500.Direct, null);
        Row("switchyard @500", result.At500.Switchyard, null);
        Row("portkey @500", result.At500.Portkey, null);
        var portkey = result.PortkeyOverheadP99Ms is { } p ? string.Create(CultureInfo.InvariantCulture, $"; Portkey adds p99 {p} ms") : "";
        table.Caption(string.Create(CultureInfo.InvariantCulture, $"Switchyard adds p50 {result.OverheadP50Ms} ms, p99 {result.OverheadP99Ms} ms{portkey}"));
        return table;
    }

    private static string Number(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "–";

    private static Option<int> AtLeastOne(Option<int> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError($"{option.Name} must be at least 1.");
            }
        });
        return option;
    }
}
