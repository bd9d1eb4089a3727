using System.Globalization;
using System.Text;
using Switchyard.Cli.Commands;

namespace Switchyard.Cli.Gateway;

/// <summary>
/// Runs <c>switchyard bench gateway</c>: starts the instant upstream, Switchyard and (optionally)
/// Portkey, then drives each target in turn with the same open-loop load: a warm-up, the main rate,
/// the comparison rate, and a search for the highest sustained rate.
/// </summary>
internal sealed class GatewayBenchRunner(GatewayBenchSettings settings, Action<string, int, int> progress)
{
    private const int PrimedQuestions = 64;

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private string[] _primed = [];
    private string[] _reworded = [];
    private long _sequence;
    private int _phase;
    private int _done;
    private int _total;

    /// <summary>Runs the benchmark; every process it started is stopped before it returns.</summary>
    public async Task<GatewayBenchResult> RunAsync(CancellationToken cancellationToken)
    {
        var data = Directory.CreateTempSubdirectory("switchyard-bench-").FullName;
        await using var upstream = await InstantUpstream.StartAsync();
        GatewayProcess? switchyard = null, portkey = null;
        try
        {
            Report("starting Switchyard" + (settings.VsPortkey ? " and installing Portkey" : ""));
            var silo = SwitchyardGateway.StartAsync(settings.SiloDll, upstream.BaseAddress, data, cancellationToken);
            if (settings.VsPortkey)
            {
                await PortkeyGateway.InstallAsync(settings.PortkeyDirectory, cancellationToken);
                portkey = await PortkeyGateway.StartAsync(settings.PortkeyDirectory, cancellationToken);
            }

            switchyard = await silo;
            var targets = new List<BenchTarget> { Direct(upstream), Switchyard(switchyard) };
            if (portkey is not null)
            {
                targets.Add(Portkey(portkey, upstream));
            }

            var phases = 2 + (settings.Rps != GatewayBenchSettings.ComparisonRps ? 1 : 0) + (settings.FindMax ? 1 : 0);
            _total = phases * targets.Count + 1;
            _done = 1;
            await PrimeAsync(targets[1], cancellationToken);

            var results = new Dictionary<string, (LoadRun Main, LoadRun At500, double? Max)>();
            foreach (var target in targets)
            {
                results[target.Name] = await MeasureAsync(target, upstream, cancellationToken);
            }

            var direct = results["direct"];
            var sy = results["switchyard"];
            (LoadRun Main, LoadRun At500, double? Max)? pk = results.TryGetValue("portkey", out var p) ? p : null;
            return new GatewayBenchResult(
                direct.Main,
                sy.Main,
                pk?.Main,
                Math.Round(sy.Main.P50Ms - direct.Main.P50Ms, 3),
                Math.Round(sy.Main.P99Ms - direct.Main.P99Ms, 3),
                pk is { } k ? Math.Round(k.Main.P99Ms - direct.Main.P99Ms, 3) : null,
                new MaxThroughput(
                    direct.Max, sy.Max, pk?.Max,
                    sy.Max is { } s && pk?.Max is { } m && m > 0 ? Math.Round(s / m, 1) : null,
                    settings.MaxP99Ms),
                new ComparisonRun(
                    GatewayBenchSettings.ComparisonRps, direct.At500, sy.At500, pk?.At500,
                    Overhead.Of(sy.At500, direct.At500), pk is { } q ? Overhead.Of(q.At500, direct.At500) : null));
        }
        finally
        {
            if (portkey is not null)
            {
                await portkey.DisposeAsync();
            }

            if (switchyard is not null)
            {
                await switchyard.DisposeAsync();
            }

            TryDelete(data);
        }
    }

    private async Task<(LoadRun Main, LoadRun At500, double? Max)> MeasureAsync(BenchTarget target, InstantUpstream upstream, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = settings.Connections,
            UseProxy = false,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        })
        { Timeout = TimeSpan.FromSeconds(10) };
        OpenLoopDriver Driver() => new(http, InPhase(target));

        Report($"{target.Name}: warming up");
        await Driver().RunAsync(Math.Min(settings.Rps, 1000), settings.WarmUp, WhenBehind.Shed, cancellationToken);
        await QuiesceAsync(upstream, cancellationToken);
        Step();

        Report($"{target.Name}: {settings.Rps} requests/s for {settings.Duration.TotalSeconds:0.#} s");
        var main = await MeasuredAsync(Driver(), target, upstream, settings.Rps, cancellationToken);
        Step();

        var at500 = main;
        if (settings.Rps != GatewayBenchSettings.ComparisonRps)
        {
            Report($"{target.Name}: {GatewayBenchSettings.ComparisonRps} requests/s for {settings.Duration.TotalSeconds:0.#} s");
            at500 = await MeasuredAsync(Driver(), target, upstream, GatewayBenchSettings.ComparisonRps, cancellationToken);
            Step();
        }

        double? max = null;
        if (settings.FindMax)
        {
            max = await ThroughputSearch.FindMaxAsync((rate, attempt) => SustainsAsync(Driver, target, upstream, rate, attempt, cancellationToken));
            Step();
        }

        return (main, at500, max);
    }

    private async Task<LoadRun> MeasuredAsync(OpenLoopDriver driver, BenchTarget target, InstantUpstream upstream, int rps, CancellationToken cancellationToken)
    {
        var calls = upstream.Calls;
        var cpu = target.ProcessId is { } pid ? GatewayProcess.CpuSeconds(pid) : null;
        var run = await driver.RunAsync(rps, settings.Duration, WhenBehind.Queue, cancellationToken);
        var measured = run with
        {
            UpstreamCalls = upstream.Calls - calls,
            CpuSeconds = target.ProcessId is { } id && GatewayProcess.CpuSeconds(id) is { } after && cpu is { } before ? Math.Round(after - before, 2) : null,
            PeakMemoryMb = target.ProcessId is { } p ? GatewayProcess.PeakMemoryMb(p) : null,
        };
        await QuiesceAsync(upstream, cancellationToken);
        return measured;
    }

    /// <summary>
    /// Waits until the upstream has had no call for a second (at most a minute): a gateway that fell
    /// behind keeps working through requests its callers gave up on, and the next run must not pay for them.
    /// </summary>
    private static async Task QuiesceAsync(InstantUpstream upstream, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        long before;
        do
        {
            before = upstream.Calls;
            await Task.Delay(1000, cancellationToken);
        }
        while (upstream.Calls != before && DateTime.UtcNow < deadline);
    }

    private async Task<bool> SustainsAsync(Func<OpenLoopDriver> driver, BenchTarget target, InstantUpstream upstream, double rate, int attempt, CancellationToken cancellationToken)
    {
        Report(attempt == 1
            ? $"{target.Name}: maximum throughput, trying {rate:0} requests/s"
            : $"{target.Name}: maximum throughput, trying {rate:0} requests/s again");
        var run = await driver().RunAsync(rate, settings.StepDuration, WhenBehind.Stop, cancellationToken);
        await QuiesceAsync(upstream, cancellationToken);
        return run.IsSustained(settings.MaxP99Ms);
    }

    /// <summary>For the cache scenarios, answers a few questions first so that repeats and rewordings of them can hit.</summary>
    private async Task PrimeAsync(BenchTarget switchyard, CancellationToken cancellationToken)
    {
        var text = new BenchText(seed: 42);
        _primed = [.. Enumerable.Range(0, PrimedQuestions).Select(i => $"{text.Next()} ({_run})")];
        _reworded = [.. Enumerable.Range(0, 4096).Select(i => text.Reword(_primed[i % _primed.Length]))];
        if (settings.Scenario == GatewayScenario.Miss)
        {
            return;
        }

        Report("switchyard: answering the questions the cache scenario repeats");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        for (var i = 0; i < _primed.Length; i++)
        {
            using var request = switchyard.CreateRequest(-1 - i);
            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>The question of request <paramref name="index"/>; negative indexes are the primed questions.</summary>
    private string Question(long index) => index < 0
        ? _primed[-1 - index]
        : settings.Scenario switch
        {
            GatewayScenario.Exact => _primed[index % _primed.Length],
            GatewayScenario.Semantic => _reworded[index % _reworded.Length],
            _ => NewQuestion(),
        };

    /// <summary>
    /// A question no earlier one resembles: a ticket number and eight everyday words drawn at random
    /// (<see cref="CommonWords"/>), so that neither the exact nor the semantic cache can answer it and the
    /// request takes the whole path.
    /// </summary>
    private string NewQuestion()
    {
        var words = new StringBuilder("Summarize ticket ").Append(Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture)).Append(':');
        for (var w = 0; w < 8; w++)
        {
            words.Append(' ').Append(CommonWords.All[Random.Shared.Next(CommonWords.All.Length)]);
        }

        return words.ToString();
    }

    private byte[] Body(string model, long index) =>
        Encoding.UTF8.GetBytes($"{{\"model\":\"{model}\",\"messages\":[{{\"role\":\"user\",\"content\":\"{Question(index)}\"}}]}}");

    private BenchTarget Direct(InstantUpstream upstream) => new(
        "direct", new Uri(upstream.BaseAddress + "/chat/completions"), [new("Authorization", "Bearer sk-upstream")], i => Body("bench", i), null);

    private BenchTarget Switchyard(GatewayProcess silo) => new(
        "switchyard",
        new Uri(silo.Address, "/v1/chat/completions"),
        SwitchyardHeaders(SwitchyardGateway.ApiKey),
        i => Body("auto", i),
        silo.Id);

    /// <summary>
    /// The target for the next run of load. In the miss scenario each run sends Switchyard's requests as
    /// a tenant of its own (<see cref="SwitchyardGateway.PhaseApiKey"/>), so that it starts on an empty
    /// cache instead of searching every entry the runs before it added; the cache scenarios keep the
    /// tenant that holds their primed questions. The other targets keep no state between requests.
    /// </summary>
    private BenchTarget InPhase(BenchTarget target) =>
        target.Name == "switchyard" && settings.Scenario == GatewayScenario.Miss
            ? target with { Headers = SwitchyardHeaders(SwitchyardGateway.PhaseApiKey(_phase++)) }
            : target;

    private static KeyValuePair<string, string>[] SwitchyardHeaders(string apiKey) =>
        [new("Authorization", $"Bearer {apiKey}"), new("x-switchyard-task-type", SwitchyardGateway.TaskType)];

    private BenchTarget Portkey(GatewayProcess portkey, InstantUpstream upstream) => new(
        "portkey",
        new Uri(portkey.Address, "/v1/chat/completions"),
        [new("Authorization", "Bearer sk-upstream"), new("x-portkey-provider", "openai"), new("x-portkey-custom-host", upstream.BaseAddress.ToString())],
        i => Body("bench", i),
        portkey.Id);

    private void Report(string what) => progress(what, _done, _total);

    private void Step() => _done++;

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
