using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Deploy;

/// <summary>deploy/local-cluster.sh as a user runs it: up with two silos, one cluster through Redis, down.</summary>
public sealed partial class LocalClusterScriptTests
{
    [Fact]
    public async Task Up_StartsRedisAndSilosInOneCluster_AndDownStopsExactlyThose()
    {
        var state = TestSettings.NewDataDirectory();
        var environment = new Dictionary<string, string>
        {
            ["SWITCHYARD_LOCAL_CLUSTER_DIR"] = state,
            // Silo i listens on each first port + i - 1: runs of two free ports, outside the range the
            // kernel gives outgoing connections, which could otherwise take a second silo's port first.
            ["SWITCHYARD_REDIS_PORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["SWITCHYARD_HTTP_PORT"] = FreePort.NextRun(2).ToString(CultureInfo.InvariantCulture),
            ["SWITCHYARD_SILO_PORT"] = FreePort.NextRun(2).ToString(CultureInfo.InvariantCulture),
            ["SWITCHYARD_GATEWAY_PORT"] = FreePort.NextRun(2).ToString(CultureInfo.InvariantCulture),
            // The suite has built the silo already; the script would otherwise publish one.
            ["SWITCHYARD_SILO_DLL"] = Path.Combine(AppContext.BaseDirectory, "Switchyard.Silo.dll"),
        };
        try
        {
            var (upCode, upOutput) = await RunAsync(environment, "up", "--silos", "2");
            Assert.True(upCode == 0, upOutput);
            var addresses = SiloAddress().Matches(upOutput).Select(m => new Uri(m.Value)).ToList();
            Assert.Equal(2, addresses.Count);
            var pids = File.ReadAllLines(Path.Combine(state, "pids")).Select(l => int.Parse(l.Split(' ')[1], CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(3, pids.Count);

            using var http = new HttpClient();
            var completion = new HttpRequestMessage(HttpMethod.Post, new Uri(addresses[0], "/v1/chat/completions"))
            {
                Content = new StringContent("""{"model": "auto", "messages": [{"role": "user", "content": "Hello cluster"}]}""", Encoding.UTF8, "application/json"),
            };
            completion.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-switchyard-demo");
            var answered = await http.SendAsync(completion);
            answered.EnsureSuccessStatusCode();
            var cost = decimal.Parse(answered.Headers.GetValues("x-switchyard-cost-usd").Single(), CultureInfo.InvariantCulture);

            var usage = new HttpRequestMessage(HttpMethod.Get, new Uri(addresses[1], "/v1/usage"));
            usage.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-switchyard-demo");
            var spent = JsonDocument.Parse(await (await http.SendAsync(usage)).Content.ReadAsStringAsync()).RootElement.GetProperty("spent_usd").GetDecimal();
            Assert.Equal(cost, spent);

            var (downCode, downOutput) = await RunAsync(environment, "down");
            Assert.True(downCode == 0, downOutput);
            Assert.All(pids, pid => Assert.False(IsRunning(pid), $"process {pid} is still running"));
            Assert.False(File.Exists(Path.Combine(state, "pids")));
        }
        finally
        {
            await RunAsync(environment, "down");
            Directory.Delete(state, recursive: true);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(IDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Repository.Root, "deploy", "local-cluster.sh"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(6));
        return (process.ExitCode, await output + await errors);
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex SiloAddress();
}
