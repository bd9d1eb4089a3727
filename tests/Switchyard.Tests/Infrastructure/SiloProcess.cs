using System.Diagnostics;

namespace Switchyard.Tests.Infrastructure;

/// <summary>
/// The silo as a real operating-system process (<c>dotnet Switchyard.Silo.dll</c>), so a test can
/// kill it outright with SIGKILL, with no chance to flush anything on the way out.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SiloProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public static async Task<SiloProcess> StartAsync(string dataDirectory, IDictionary<string, string>? environment = null)
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "Switchyard.Silo.dll");
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var start = new ProcessStartInfo("dotnet", [assembly, "--urls", address.ToString()])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Switchyard__Cluster__SiloPort"] = FreePort.Next().ToString();
        start.Environment["Switchyard__Cluster__GatewayPort"] = FreePort.Next().ToString();
        foreach (var (key, value) in TestSettings.Create(dataDirectory))
        {
            start.Environment[key.Replace(":", "__")] = value;
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var silo = new SiloProcess(process, address);
        await silo.WaitUntilReadyAsync();
        return silo;
    }

    /// <summary>SIGKILL: the process gets no chance to run any shutdown code.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as Kubernetes sends it: the silo finishes what it is doing and stops.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        await Task.CompletedTask;
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The silo process exited with code {_process.ExitCode} before it was ready.");
            }

            try
            {
                using var response = await Http.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The silo process did not become ready within 60 seconds.");
    }
}
