using System.Globalization;

namespace Switchyard.Cli.Gateway;

/// <summary>
/// The silo as the embedded default runs it (localhost clustering, state on local disk), started as
/// a child process with one tenant and a deployment per tier that calls the benchmark's upstream as
/// <c>openai-compatible</c>. Each is priced just under the simulated model of its tier, so the router,
/// which tries a tier's cheapest deployment first, always sends the call to the upstream.
/// </summary>
/// <remarks>
/// Besides the <c>bench</c> tenant (the cache scenarios' primed questions live there) it configures
/// <see cref="PhaseTenants"/> more, <c>bench-0</c>, <c>bench-1</c>, …: in the miss scenario every
/// request adds a cache entry, so each run of load goes to a tenant of its own and starts on an empty
/// cache, whatever ran before it on the same silo.
/// </remarks>
internal static class SwitchyardGateway
{
    /// <summary>The benchmark tenant's API key.</summary>
    public const string ApiKey = "sk-switchyard-bench";

    /// <summary>Tenants kept for one run of load each; past this many runs they are used again in turn.</summary>
    public const int PhaseTenants = 32;

    /// <summary>The task type every benchmark request carries.</summary>
    public const string TaskType = "bench";

    private static readonly (string Tier, string Input, string Output)[] Tiers =
    [
        ("cheap", "0.10", "0.50"),
        ("mid", "0.30", "1.50"),
        ("frontier", "2.00", "9.00"),
    ];

    /// <summary>The API key of the tenant that run of load number <paramref name="phase"/> goes to.</summary>
    public static string PhaseApiKey(int phase) =>
        $"{ApiKey}-{(phase % PhaseTenants).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Starts the silo in <paramref name="siloDll"/>, keeping its state in <paramref name="dataDirectory"/>.</summary>
    public static Task<GatewayProcess> StartAsync(string siloDll, Uri upstream, string dataDirectory, CancellationToken cancellationToken)
    {
        var address = new Uri($"http://127.0.0.1:{GatewayProcess.FreePort()}");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Switchyard__Cluster__SiloPort"] = GatewayProcess.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Switchyard__Cluster__GatewayPort"] = GatewayProcess.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Switchyard__DataDirectory"] = dataDirectory,
            ["Switchyard__Tenants__bench__ApiKey"] = ApiKey,
            ["Switchyard__Tenants__bench__MonthlyCapUsd"] = "1000000",
        };
        for (var phase = 0; phase < PhaseTenants; phase++)
        {
            environment[$"Switchyard__Tenants__bench-{phase}__ApiKey"] = PhaseApiKey(phase);
            environment[$"Switchyard__Tenants__bench-{phase}__MonthlyCapUsd"] = "1000000";
        }

        foreach (var (tier, input, output) in Tiers)
        {
            var model = $"Switchyard__Models__bench-{tier}__";
            environment[model + "Provider"] = "openai-compatible";
            environment[model + "Endpoint"] = upstream.ToString();
            environment[model + "Deployment"] = "bench";
            environment[model + "Tier"] = tier;
            environment[model + "InputPerMillion"] = input;
            environment[model + "OutputPerMillion"] = output;
        }

        return GatewayProcess.StartAsync(
            "dotnet", [siloDll, "--urls", address.ToString(), "--contentRoot", Path.GetDirectoryName(siloDll)!], environment, address, "/health", cancellationToken);
    }
}
