using System.Text.Json;
using Switchyard.Cli;

namespace Switchyard.Tests.Cli;

/// <summary>
/// A short <c>switchyard bench gateway</c> run, end to end: a real silo process in front of the
/// instant upstream, driven through the command line. Latencies are measured, not asserted.
/// </summary>
public sealed class BenchGatewayCommandTests
{
    [Fact]
    public async Task BenchGateway_ShortRun_ReportsEveryTargetWithoutErrorsAndSwitchyardCallsTheUpstream()
    {
        var console = new TestConsole(new Switchyard.Cli.Connection.OrleansClusterConnector());
        var silo = Path.Combine(AppContext.BaseDirectory, "Switchyard.Silo.dll");

        var exit = await SwitchyardCommandLine.Create(console.Environment)
            .Parse(["bench", "gateway", "--rps", "100", "--duration", "2", "--connections", "4", "--no-max", "--silo-dll", silo, "--output", "json"])
            .InvokeAsync();

        Assert.True(exit == ExitCodes.Success, console.Transcript);
        var report = JsonDocument.Parse(console.Output).RootElement;
        Assert.Equal(
            ["at_500", "direct", "max_rps", "overhead_p50_ms", "overhead_p99_ms", "portkey", "portkey_overhead_p99_ms", "switchyard"],
            report.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(JsonValueKind.Null, report.GetProperty("portkey").ValueKind);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("portkey_overhead_p99_ms").ValueKind);
        Assert.Equal(JsonValueKind.Number, report.GetProperty("overhead_p50_ms").ValueKind);
        Assert.Equal(JsonValueKind.Number, report.GetProperty("overhead_p99_ms").ValueKind);

        foreach (var target in new[] { "direct", "switchyard" })
        {
            var run = report.GetProperty(target);
            Assert.Equal(200, run.GetProperty("requests").GetInt64());
            Assert.Equal(0, run.GetProperty("errors").GetInt64());
            foreach (var percentile in new[] { "p50_ms", "p90_ms", "p99_ms", "p99_9_ms" })
            {
                Assert.True(run.GetProperty(percentile).GetDouble() > 0, $"{target} {percentile}");
            }

            Assert.Equal(JsonValueKind.Object, report.GetProperty("at_500").GetProperty(target).ValueKind);
            Assert.Equal(JsonValueKind.Null, report.GetProperty("max_rps").GetProperty(target).ValueKind);
        }

        // Every request of the miss scenario took the whole path, out to the upstream and back.
        var switchyard = report.GetProperty("switchyard");
        Assert.Equal(200, switchyard.GetProperty("upstream_calls").GetInt64());
        Assert.Equal(0, switchyard.GetProperty("cache_hits").GetInt64());
        Assert.True(switchyard.GetProperty("cpu_seconds").GetDouble() > 0);
        Assert.True(switchyard.GetProperty("peak_memory_mb").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("direct").GetProperty("cpu_seconds").ValueKind);
        Assert.Equal(500, report.GetProperty("at_500").GetProperty("rps").GetInt32());
    }
}
