using System.Text.Json.Serialization;

namespace Switchyard.Cli.Commands;

/// <summary>What <c>switchyard eval cache</c> prints with <c>--output json</c>.</summary>
internal sealed record EvalCacheResult(
    [property: JsonPropertyName("pairs")] int Pairs,
    [property: JsonPropertyName("duplicates")] int Duplicates,
    [property: JsonPropertyName("hits")] int Hits,
    [property: JsonPropertyName("precision")] double Precision,
    [property: JsonPropertyName("recall")] double Recall,
    [property: JsonPropertyName("false_hit_rate")] double FalseHitRate,
    [property: JsonPropertyName("threshold")] double Threshold);
