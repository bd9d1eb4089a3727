using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Switchyard.Cli.Gateway;

/// <summary>
/// A gateway running as a child process on 127.0.0.1: started with its environment, waited for until
/// it answers, measured through <c>/proc/&lt;pid&gt;</c> and killed (with its children) on dispose.
/// </summary>
internal sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _tail = new();

    private GatewayProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>Where the gateway listens.</summary>
    public Uri Address { get; }

    /// <summary>The operating-system process id.</summary>
    public int Id => _process.Id;

    /// <summary>Starts <paramref name="program"/> and waits until <paramref name="readyPath"/> answers with any HTTP status.</summary>
    public static async Task<GatewayProcess> StartAsync(
        string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, Uri address, string readyPath, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var gateway = new GatewayProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}."), address);
        gateway._process.OutputDataReceived += (_, e) => gateway.Keep(e.Data);
        gateway._process.ErrorDataReceived += (_, e) => gateway.Keep(e.Data);
        gateway._process.BeginOutputReadLine();
        gateway._process.BeginErrorReadLine();
        try
        {
            await gateway.WaitUntilAnsweringAsync(readyPath, cancellationToken);
            return gateway;
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }
    }

    /// <summary>A free TCP port on 127.0.0.1.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>CPU time, user plus system, the process has used so far, from <c>/proc/&lt;pid&gt;/stat</c>; null where there is no /proc.</summary>
    public static double? CpuSeconds(int pid)
    {
        try
        {
            // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return ticks / 100.0;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The process's peak resident memory in MiB (<c>VmHWM</c> in <c>/proc/&lt;pid&gt;/status</c>); null where there is no /proc.</summary>
    public static double? PeakMemoryMb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : Math.Round(long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0, 1);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilAnsweringAsync(string readyPath, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(Address, readyPath), cancellationToken);
                if ((int)response.StatusCode < 500)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(200, cancellationToken);
        }

        string output;
        lock (_tail)
        {
            output = string.Join(Environment.NewLine, _tail);
        }

        throw new TimeoutException($"{Address} did not answer (the process exited, or took over 120 seconds). Its last output:{Environment.NewLine}{output}");
    }

    private void Keep(string? line)
    {
        lock (_tail)
        {
            if (line is not null)
            {
                _tail.Enqueue(line);
            }

            while (_tail.Count > 20)
            {
                _tail.Dequeue();
            }
        }
    }
}
