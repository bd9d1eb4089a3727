using System.Text.Json.Serialization;

namespace Switchyard.Cli.Output;

/// <summary>What <c>switchyard chat --output json</c> prints.</summary>
internal sealed record ChatJson(
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("tier")] string Tier,
    [property: JsonPropertyName("cache")] string Cache,
    [property: JsonPropertyName("cost_usd")] decimal CostUsd,
    [property: JsonPropertyName("escalations")] int Escalations,
    [property: JsonPropertyName("tiers_tried")] IReadOnlyList<string> TiersTried,
    [property: JsonPropertyName("request_id")] string RequestId,
    [property: JsonPropertyName("usage")] ChatJson.TokenCounts Usage)
{
    /// <summary>Tokens over every call the request made.</summary>
    internal sealed record TokenCounts(
        [property: JsonPropertyName("prompt_tokens")] int PromptTokens,
        [property: JsonPropertyName("completion_tokens")] int CompletionTokens);
}
