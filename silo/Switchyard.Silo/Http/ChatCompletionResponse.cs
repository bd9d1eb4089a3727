using System.Text.Json.Serialization;

namespace Switchyard.Silo.Http;

/// <summary>An OpenAI <c>chat.completion</c> object, with Switchyard's routing metadata under <c>switchyard</c>.</summary>
public sealed record ChatCompletionResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("object")] string Object,
    [property: JsonPropertyName("created")] long Created,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("choices")] IReadOnlyList<ChatCompletionResponse.Choice> Choices,
    [property: JsonPropertyName("usage")] ChatCompletionResponse.UsageBody Usage,
    [property: JsonPropertyName("switchyard")] ChatCompletionResponse.Routing Switchyard)
{
    /// <summary>One answer.</summary>
    public sealed record Choice(
        [property: JsonPropertyName("index")] int Index,
        [property: JsonPropertyName("message")] Message Message,
        [property: JsonPropertyName("finish_reason")] string FinishReason);

    /// <summary>The answer's message.</summary>
    public sealed record Message(
        [property: JsonPropertyName("role")] string Role,
        [property: JsonPropertyName("content")] string Content);

    /// <summary>Token usage over every call the request made.</summary>
    public sealed record UsageBody(
        [property: JsonPropertyName("prompt_tokens")] int PromptTokens,
        [property: JsonPropertyName("completion_tokens")] int CompletionTokens,
        [property: JsonPropertyName("total_tokens")] int TotalTokens,
        [property: JsonPropertyName("prompt_tokens_details")] PromptDetails PromptTokensDetails);

    /// <summary>How many prompt tokens the provider served from its cache.</summary>
    public sealed record PromptDetails([property: JsonPropertyName("cached_tokens")] int CachedTokens);

    /// <summary>How Switchyard served the request (also in the <c>x-switchyard-*</c> headers).</summary>
    public sealed record Routing(
        [property: JsonPropertyName("request_id")] string RequestId,
        [property: JsonPropertyName("task_type")] string TaskType,
        [property: JsonPropertyName("tier")] string Tier,
        [property: JsonPropertyName("cache")] string Cache,
        [property: JsonPropertyName("cost_usd")] decimal CostUsd,
        [property: JsonPropertyName("escalations")] int Escalations,
        [property: JsonPropertyName("tiers_tried")] IReadOnlyList<string> TiersTried,
        [property: JsonPropertyName("confidence")] double? Confidence);
}
