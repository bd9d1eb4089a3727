using System.Text.Json.Serialization;

namespace Switchyard.Cli.Commands;

/// <summary>What <c>switchyard bench cache</c> prints with <c>--output json</c>.</summary>
internal sealed record BenchCacheResult(
    [property: JsonPropertyName("entries")] int Entries,
    [property: JsonPropertyName("dims")] int Dims,
    [property: JsonPropertyName("p50_ms")] double P50Ms,
    [property: JsonPropertyName("p99_ms")] double P99Ms,
    [property: JsonPropertyName("recall_at_1")] double RecallAt1,
    [property: JsonPropertyName("above_threshold")] double AboveThreshold,
    [property: JsonPropertyName("hit_recall")] double HitRecall,
    [property: JsonPropertyName("brute_force_p99_ms")] double BruteForceP99Ms,
    [property: JsonPropertyName("bytes_per_entry")] double BytesPerEntry,
    [property: JsonPropertyName("inserts_per_s")] double InsertsPerSecond);
