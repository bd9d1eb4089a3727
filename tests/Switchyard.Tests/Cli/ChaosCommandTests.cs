using System.Text.Json;
using Spectre.Console;
using Switchyard.Cli;
using Switchyard.Cli.Chaos;
using Switchyard.Cli.Commands;
using Switchyard.Cli.Output;

namespace Switchyard.Tests.Cli;

/// <summary>A small run of <c>switchyard chaos</c>: real Redis, real silo processes, one SIGKILL.</summary>
public sealed class ChaosCommandTests
{
    [Fact]
    public async Task Chaos_KillingASiloUnderLoad_LosesNoMoneyChargesNothingTwiceAndNeverOverspends()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var environment = new CliEnvironment(
            output, errors, AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) }), new Switchyard.Cli.Connection.OrleansClusterConnector(), IsTerminal: false);
        var settings = new ChaosSettings(
            Silos: 2, Requests: 80, KillAfter: 25, Tenants: 8, Concurrency: 8,
            SiloDll: Path.Combine(AppContext.BaseDirectory, "Switchyard.Silo.dll"));

        var exit = await ChaosCommand.RunAsync(settings, OutputFormat.Json, environment, CancellationToken.None);

        Assert.True(exit == ExitCodes.Success, errors.ToString() + output);
        var report = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal(80, report.GetProperty("requests").GetInt32());
        Assert.Equal(0m, report.GetProperty("lost_usd").GetDecimal());
        Assert.Equal(0, report.GetProperty("double_charged").GetInt32());
        Assert.True(report.GetProperty("max_overspend_usd").GetDecimal() <= 0m);
        Assert.True(report.GetProperty("acknowledged_cost_usd").GetDecimal() > 0m);
        // A request whose answer died with the silo may be settled without being acknowledged: the
        // provider did the work. Acknowledged cost can never be missing, though.
        Assert.True(report.GetProperty("recorded_spend_usd").GetDecimal() >= report.GetProperty("acknowledged_cost_usd").GetDecimal());
        Assert.True(report.GetProperty("succeeded").GetInt32() >= 79, output.ToString());
    }
}
