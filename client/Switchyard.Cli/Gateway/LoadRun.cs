using System.Text.Json.Serialization;

namespace Switchyard.Cli.Gateway;

/// <summary>
/// One open-loop run against one target: latency percentiles (from each request's scheduled send
/// time), throughput and errors, and what the gateway process used meanwhile.
/// </summary>
internal sealed record LoadRun(
    [property: JsonPropertyName("offered_rps")] double OfferedRps,
    [property: JsonPropertyName("throughput_rps")] double ThroughputRps,
    [property: JsonPropertyName("requests")] long Requests,
    [property: JsonPropertyName("errors")] long Errors,
    [property: JsonPropertyName("p50_ms")] double P50Ms,
    [property: JsonPropertyName("p90_ms")] double P90Ms,
    [property: JsonPropertyName("p99_ms")] double P99Ms,
    [property: JsonPropertyName("p99_9_ms")] double P999Ms,
    [property: JsonPropertyName("max_ms")] double MaxMs)
{
    /// <summary>Requests the upstream answered during the run: every gateway request that reached it.</summary>
    [JsonPropertyName("upstream_calls")]
    public long UpstreamCalls { get; init; }

    /// <summary>Responses that a cache answered (Switchyard's <c>x-switchyard-cache</c> header), if any.</summary>
    [JsonPropertyName("cache_hits")]
    public long CacheHits { get; init; }

    /// <summary>CPU time (user and system) the gateway process used during the run; null for the upstream alone.</summary>
    [JsonPropertyName("cpu_seconds")]
    public double? CpuSeconds { get; init; }

    /// <summary>The gateway process's peak resident memory so far, in MiB; null for the upstream alone.</summary>
    [JsonPropertyName("peak_memory_mb")]
    public double? PeakMemoryMb { get; init; }

    /// <summary>True when errors stayed within 1%, throughput kept up with the offered rate and p99 stayed within <paramref name="maxP99Ms"/>.</summary>
    public bool IsSustained(double maxP99Ms) =>
        Requests > 0 && Errors <= Requests / 100 && ThroughputRps >= OfferedRps * 0.95 && P99Ms <= maxP99Ms;
}
