using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Switchyard.Cli.Chaos;

/// <summary>Redis and silo processes on 127.0.0.1 for a chaos run, all stopped on dispose.</summary>
internal sealed class ChaosCluster : IAsyncDisposable
{
    private readonly List<Process> _processes = [];
    private readonly Dictionary<Process, Queue<string>> _output = [];
    private readonly string _directory = Directory.CreateTempSubdirectory("switchyard-chaos-").FullName;

    /// <summary>The silos' HTTP addresses, in start order.</summary>
    public List<Uri> Silos { get; } = [];

    /// <summary>The Redis connection string of the cluster's membership.</summary>
    public string Redis { get; private set; } = "";

    /// <summary>The cluster's id (also its service id).</summary>
    public string ClusterId { get; private set; } = "";

    /// <summary>The API key of tenant <paramref name="index"/>.</summary>
    public static string KeyOf(int index) => $"sk-chaos-{index}";

    /// <summary>The id of tenant <paramref name="index"/>.</summary>
    public static string TenantOf(int index) => $"chaos-{index}";

    /// <summary>Starts Redis and the silos, and waits until every silo is ready.</summary>
    public static async Task<ChaosCluster> StartAsync(ChaosSettings settings, CancellationToken cancellationToken)
    {
        var cluster = new ChaosCluster();
        try
        {
            var redisPort = FreePort();
            cluster.Start("redis-server", [
                "--port", redisPort.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", cluster._directory,
                "--appendonly", "yes", "--appendfsync", "always", "--save", ""], new Dictionary<string, string>());
            await WaitForPortAsync(redisPort, cancellationToken);

            var clusterId = $"chaos-{Guid.NewGuid():N}";
            cluster.Redis = $"127.0.0.1:{redisPort},abortConnect=false";
            cluster.ClusterId = clusterId;
            for (var i = 0; i < settings.Silos; i++)
            {
                var address = new Uri($"http://127.0.0.1:{FreePort()}");
                var environment = new Dictionary<string, string>
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["Switchyard__Cluster__Provider"] = "Redis",
                    ["Switchyard__Cluster__Redis"] = $"127.0.0.1:{redisPort},abortConnect=false",
                    ["Switchyard__Cluster__ClusterId"] = clusterId,
                    ["Switchyard__Cluster__ServiceId"] = clusterId,
                    ["Switchyard__Cluster__SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
                    ["Switchyard__Cluster__GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
                    ["Switchyard__DataDirectory"] = Path.Combine(cluster._directory, $"silo-{i}"),
                    ["Logging__LogLevel__Default"] = "Warning",
                };
                foreach (var tier in new[] { "sim-cheap", "sim-mid", "sim-frontier" })
                {
                    environment[$"Switchyard__Models__{tier}__Simulation__LatencyMilliseconds"] = settings.ModelLatencyMilliseconds.ToString(CultureInfo.InvariantCulture);
                }

                for (var t = 0; t < settings.Tenants; t++)
                {
                    environment[$"Switchyard__Tenants__{TenantOf(t)}__ApiKey"] = KeyOf(t);
                    environment[$"Switchyard__Tenants__{TenantOf(t)}__MonthlyCapUsd"] = ChaosSettings.CapOf(t).ToString(CultureInfo.InvariantCulture);
                }

                cluster.Start("dotnet", [settings.SiloDll, "--urls", address.ToString(), "--contentRoot", Path.GetDirectoryName(settings.SiloDll)!], environment);
                cluster.Silos.Add(address);
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            for (var i = 0; i < cluster.Silos.Count; i++)
            {
                var process = cluster._processes[i + 1];
                if (!await WaitForHealthAsync(http, cluster.Silos[i], process, cancellationToken))
                {
                    string output;
                    lock (cluster._output[process])
                    {
                        output = string.Join(Environment.NewLine, cluster._output[process]);
                    }

                    throw new TimeoutException($"The silo at {cluster.Silos[i]} did not become ready (it exited, or took over 90 seconds). Its last output:{Environment.NewLine}{output}");
                }
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills silo <paramref name="index"/> with SIGKILL: no shutdown code runs.</summary>
    public void Kill(int index)
    {
        var silo = _processes[index + 1];
        silo.Kill(entireProcessTree: true);
        silo.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private void Start(string program, string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var tail = new Queue<string>();
        _output[process] = tail;
        void Keep(string? line)
        {
            lock (tail)
            {
                if (line is not null)
                {
                    tail.Enqueue(line);
                }

                while (tail.Count > 15)
                {
                    tail.Dequeue();
                }
            }
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 200; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }

        throw new TimeoutException($"Nothing listened on port {port}; is redis-server installed?");
    }

    private static async Task<bool> WaitForHealthAsync(HttpClient http, Uri silo, Process process, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await http.GetAsync(new Uri(silo, "/health"), cancellationToken)).IsSuccessStatusCode)
                {
                    return true;
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

        return false;
    }
}
