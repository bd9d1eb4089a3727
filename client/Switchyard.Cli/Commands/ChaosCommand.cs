using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Switchyard.Cli.Chaos;
using Switchyard.Cli.Output;

namespace Switchyard.Cli.Commands;

/// <summary>
/// <c>switchyard chaos</c>: starts Redis and a cluster of silo processes on this machine, drives
/// requests over many tenants, SIGKILLs one silo part-way and audits that no cent was lost,
/// charged twice, or spent past a cap.
/// </summary>
internal static class ChaosCommand
{
    /// <summary>Defines the command.</summary>
    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var silos = new Option<int>("--silos") { Description = "Silo processes to start.", DefaultValueFactory = _ => 3 };
        var requests = new Option<int>("--requests") { Description = "Requests to send.", DefaultValueFactory = _ => 2000 };
        var killAfter = new Option<int?>("--kill-after") { Description = "Kill a silo after this many requests. Default: a third of --requests." };
        var tenants = new Option<int>("--tenants") { Description = "Tenants to spread the requests over (every fourth runs out of budget).", DefaultValueFactory = _ => 40 };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight at once.", DefaultValueFactory = _ => 16 };
        var siloDll = new Option<string?>("--silo-dll") { Description = "The built Switchyard.Silo.dll. Default: the newest build under silo/Switchyard.Silo/bin." };
        foreach (var option in new[] { silos, requests, tenants, concurrency })
        {
            option.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int>() < 1)
                {
                    result.AddError($"{option.Name} must be at least 1.");
                }
            });
        }

        var command = new Command("chaos", "Kill a silo under load and audit every tenant's money.")
        {
            silos, requests, killAfter, tenants, concurrency, siloDll,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var dll = parse.GetValue(siloDll) ?? FindSiloDll();
            if (dll is null || !File.Exists(dll))
            {
                await environment.Error.WriteLineAsync("switchyard: the silo is not built; run 'dotnet build -c Release silo/Switchyard.Silo' or pass --silo-dll.");
                return ExitCodes.Failure;
            }

            var count = parse.GetValue(requests);
            var settings = new ChaosSettings(
                parse.GetValue(silos), count, parse.GetValue(killAfter) ?? Math.Max(1, count / 3), parse.GetValue(tenants), parse.GetValue(concurrency), Path.GetFullPath(dll));
            return await RunAsync(settings, parse.GetValue(global.Output), environment, cancellationToken);
        });
        return command;
    }

    /// <summary>Runs the experiment and prints the audit; non-zero exit when money was lost, doubled or overspent.</summary>
    public static async Task<int> RunAsync(ChaosSettings settings, OutputFormat output, CliEnvironment environment, CancellationToken cancellationToken)
    {
        ChaosReport report;
        try
        {
            report = await ChaosRunner.RunAsync(
                settings, output == OutputFormat.Text ? message => environment.Console.MarkupLine($"[grey]{Markup.Escape(message)}[/]") : null, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await environment.Error.WriteLineAsync($"switchyard: chaos run failed: {exception.Message}");
            return ExitCodes.Failure;
        }

        if (output == OutputFormat.Json)
        {
            await environment.Out.WriteLineAsync(JsonSerializer.Serialize(report, CliJsonContext.Default.ChaosReport));
        }
        else
        {
            var table = new Table().AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
            foreach (var (name, value) in Rows(report))
            {
                table.AddRow(name, value);
            }

            environment.Console.Write(table);
        }

        var intact = report.LostUsd == 0m && report.DoubleCharged == 0 && report.MaxOverspendUsd <= 0m;
        return intact ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static IEnumerable<(string, string)> Rows(ChaosReport report)
    {
        yield return ("requests", report.Requests.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("succeeded", report.Succeeded.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("failed", report.Failed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("acknowledged cost (USD)", report.AcknowledgedCostUsd.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("recorded spend (USD)", report.RecordedSpendUsd.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("lost (USD)", report.LostUsd.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("double charged", report.DoubleCharged.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("max overspend (USD)", report.MaxOverspendUsd.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("recovery (s)", report.RecoverySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    internal static string? FindSiloDll()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var bin = Path.Combine(directory.FullName, "silo", "Switchyard.Silo", "bin");
            if (Directory.Exists(bin))
            {
                return Directory.EnumerateFiles(bin, "Switchyard.Silo.dll", SearchOption.AllDirectories)
                    .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                    .OrderByDescending(File.GetLastWriteTimeUtc)
                    .FirstOrDefault();
            }
        }

        return null;
    }
}
