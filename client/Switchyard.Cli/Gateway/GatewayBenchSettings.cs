namespace Switchyard.Cli.Gateway;

/// <summary>What <c>switchyard bench gateway</c> runs.</summary>
/// <param name="Rps">The fixed arrival rate of the main run, requests per second.</param>
/// <param name="Duration">How long each measured run lasts.</param>
/// <param name="Connections">Connections the load is sent over, per target.</param>
/// <param name="VsPortkey">True to run the Portkey gateway in front of the same upstream too.</param>
/// <param name="Scenario">Which of Switchyard's paths the requests take.</param>
/// <param name="SiloDll">The built <c>Switchyard.Silo.dll</c> to run.</param>
internal sealed record GatewayBenchSettings(int Rps, TimeSpan Duration, int Connections, bool VsPortkey, GatewayScenario Scenario, string SiloDll)
{
    /// <summary>The rate both gateways are compared at, requests per second.</summary>
    public const int ComparisonRps = 500;

    /// <summary>False to skip the search for each target's maximum sustainable throughput. Default: true.</summary>
    public bool FindMax { get; init; } = true;

    /// <summary>
    /// How long each target is driven before anything is measured, so that connections are open, grains
    /// active and the JIT's optimizing tier has caught up. Default: 10 s.
    /// </summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The p99 latency, in ms, above which a rate is not sustained. Default: 25.</summary>
    public double MaxP99Ms { get; init; } = 25;

    /// <summary>How long each step of the throughput search runs. Default: 3 s.</summary>
    public TimeSpan StepDuration { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Where Portkey is installed. Default: <see cref="PortkeyGateway.DefaultDirectory"/>.</summary>
    public string PortkeyDirectory { get; init; } = PortkeyGateway.DefaultDirectory;
}
