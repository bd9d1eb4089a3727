using System.Text.Json;
using Switchyard.Cli;
using Switchyard.Tests.Client;

namespace Switchyard.Tests.Cli;

/// <summary><c>switchyard bench snapshot</c>: its JSON and its refusals. Times are measured, not asserted.</summary>
public sealed class BenchSnapshotCommandTests
{
    [Fact]
    public async Task BenchSnapshot_WritesEveryEntry_AndPrintsTheDocumentedKeys()
    {
        var console = new TestConsole(new FakeClusterConnector(new FakeSwitchyardClient()));

        var exit = await SwitchyardCommandLine.Create(console.Environment)
            .Parse(["bench", "snapshot", "--entries", "300", "--rounds", "2", "--output", "json"])
            .InvokeAsync();

        Assert.Equal(ExitCodes.Success, exit);
        var json = JsonDocument.Parse(console.Output).RootElement;
        Assert.Equal(["entries", "file_bytes", "capture_ms", "write_ms"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(300, json.GetProperty("entries").GetInt32());

        // Each entry holds at least its 384 floats of embedding and its 400-character answer.
        Assert.True(json.GetProperty("file_bytes").GetInt64() > 300L * ((384 * sizeof(float)) + 400));
        Assert.True(json.GetProperty("capture_ms").GetDouble() >= 0);
        Assert.True(json.GetProperty("write_ms").GetDouble() > 0);
    }

    [Theory]
    [InlineData("--entries")]
    [InlineData("--rounds")]
    public async Task BenchSnapshot_WithNothingToTime_IsRefused(string option)
    {
        var console = new TestConsole(new FakeClusterConnector(new FakeSwitchyardClient()));

        var exit = await SwitchyardCommandLine.Create(console.Environment).Parse(["bench", "snapshot", option, "0"]).InvokeAsync();

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("--entries and --rounds must be at least 1", console.Error);
    }
}
