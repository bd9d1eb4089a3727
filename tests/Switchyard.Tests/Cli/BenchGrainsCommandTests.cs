using System.Text.Json;
using Switchyard.Cli;

namespace Switchyard.Tests.Cli;

/// <summary>
/// A short <c>switchyard bench grains</c> run: real silo processes clustered through a real Redis,
/// driven through the grain client. Throughput is measured, not asserted.
/// </summary>
public sealed class BenchGrainsCommandTests
{
    [Fact]
    public async Task BenchGrains_OnOneAndTwoSilos_ServesEveryRequestThroughTheGrainClient()
    {
        var console = new TestConsole(new Switchyard.Cli.Connection.OrleansClusterConnector());
        var silo = Path.Combine(AppContext.BaseDirectory, "Switchyard.Silo.dll");

        var exit = await SwitchyardCommandLine.Create(console.Environment)
            .Parse(["bench", "grains", "--silos", "2", "--duration", "1", "--concurrency", "4", "--tenants", "6", "--silo-dll", silo, "--output", "json"])
            .InvokeAsync();

        Assert.True(exit == ExitCodes.Success, console.Transcript);
        var runs = JsonDocument.Parse(console.Output).RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal([1, 2], runs.Select(r => r.GetProperty("silos").GetInt32()));
        Assert.All(runs, run =>
        {
            Assert.True(run.GetProperty("requests").GetInt64() > 0);
            Assert.Equal(0, run.GetProperty("errors").GetInt64());
            Assert.True(run.GetProperty("rps").GetDouble() > 0);
            Assert.True(run.GetProperty("p99_ms").GetDouble() >= run.GetProperty("p50_ms").GetDouble());
        });
    }

    [Fact]
    public async Task BenchGrains_WithNoSilos_IsRefused()
    {
        var console = new TestConsole(new Switchyard.Cli.Connection.OrleansClusterConnector());

        var exit = await SwitchyardCommandLine.Create(console.Environment).Parse(["bench", "grains", "--silos", "0"]).InvokeAsync();

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("--silos must be 1-8", console.Error);
    }
}
