using System.Text.Json.Serialization;

namespace Switchyard.Cli.Gateway;

/// <summary>
/// What <c>switchyard bench gateway</c> prints with <c>--output json</c>: each target at the main rate,
/// Switchyard's and Portkey's latency over the upstream alone, each target's maximum sustainable
/// throughput, and all of them at <see cref="GatewayBenchSettings.ComparisonRps"/>.
/// </summary>
internal sealed record GatewayBenchResult(
    [property: JsonPropertyName("direct")] LoadRun Direct,
    [property: JsonPropertyName("switchyard")] LoadRun Switchyard,
    [property: JsonPropertyName("portkey")] LoadRun? Portkey,
    [property: JsonPropertyName("overhead_p50_ms")] double OverheadP50Ms,
    [property: JsonPropertyName("overhead_p99_ms")] double OverheadP99Ms,
    [property: JsonPropertyName("portkey_overhead_p99_ms")] double? PortkeyOverheadP99Ms,
    [property: JsonPropertyName("max_rps")] MaxThroughput MaxRps,
    [property: JsonPropertyName("at_500")] ComparisonRun At500);

/// <summary>Each target's highest rate that stayed sustained (null when not searched or not run).</summary>
internal sealed record MaxThroughput(
    [property: JsonPropertyName("direct")] double? Direct,
    [property: JsonPropertyName("switchyard")] double? Switchyard,
    [property: JsonPropertyName("portkey")] double? Portkey,
    [property: JsonPropertyName("switchyard_over_portkey")] double? SwitchyardOverPortkey,
    [property: JsonPropertyName("max_p99_ms")] double MaxP99Ms);

/// <summary>Every target at the same rate, with each gateway's latency over the upstream alone per percentile.</summary>
internal sealed record ComparisonRun(
    [property: JsonPropertyName("rps")] int Rps,
    [property: JsonPropertyName("direct")] LoadRun Direct,
    [property: JsonPropertyName("switchyard")] LoadRun Switchyard,
    [property: JsonPropertyName("portkey")] LoadRun? Portkey,
    [property: JsonPropertyName("switchyard_overhead_ms")] Overhead SwitchyardOverhead,
    [property: JsonPropertyName("portkey_overhead_ms")] Overhead? PortkeyOverhead);

/// <summary>A gateway's latency minus the upstream's alone, per percentile, in ms.</summary>
internal sealed record Overhead(
    [property: JsonPropertyName("p50")] double P50,
    [property: JsonPropertyName("p90")] double P90,
    [property: JsonPropertyName("p99")] double P99,
    [property: JsonPropertyName("p99_9")] double P999)
{
    /// <summary>What <paramref name="gateway"/> adds to <paramref name="direct"/>.</summary>
    public static Overhead Of(LoadRun gateway, LoadRun direct) => new(
        Math.Round(gateway.P50Ms - direct.P50Ms, 3),
        Math.Round(gateway.P90Ms - direct.P90Ms, 3),
        Math.Round(gateway.P99Ms - direct.P99Ms, 3),
        Math.Round(gateway.P999Ms - direct.P999Ms, 3));
}
