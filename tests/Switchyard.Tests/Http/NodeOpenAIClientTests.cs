using System.Diagnostics;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Http;

/// <summary>
/// The <c>openai</c> npm package, a client no one here wrote, against the real silo host: plain and
/// streaming completions and its own error types. <c>./test.sh</c> installs the package (tests/js).
/// </summary>
[Collection(SiloHostCollection.Name)]
public sealed class NodeOpenAIClientTests(SiloHostFixture fixture)
{
    [Fact]
    public async Task OpenAINpmPackage_PassesItsTestsAgainstSwitchyard()
    {
        var directory = Path.Combine(Repository.Root, "tests", "js");
        Assert.True(
            Directory.Exists(Path.Combine(directory, "node_modules", "openai")),
            "The openai npm package is not installed: run ./test.sh, or 'npm ci' in tests/js.");

        var start = new ProcessStartInfo("node", ["--test", "openai-client.test.mjs"])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["SWITCHYARD_URL"] = fixture.Host.Address.ToString().TrimEnd('/');
        start.Environment["SWITCHYARD_KEY"] = TestSettings.AlphaKey;

        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        var report = await output + await errors;
        Assert.True(node.ExitCode == 0, report);
        Assert.Contains("# pass 4", report);
        Assert.Contains("# fail 0", report);
    }
}
