using System.Text.Json.Serialization;

namespace Switchyard.Silo.Http;

/// <summary>An OpenAI <c>chat.completion.chunk</c>: one server-sent event of a streamed answer.</summary>
public sealed record ChatCompletionChunk(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("object")] string Object,
    [property: JsonPropertyName("created")] long Created,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("choices")] IReadOnlyList<ChatCompletionChunk.ChunkChoice> Choices,
    [property: JsonPropertyName("usage")] ChatCompletionResponse.UsageBody? Usage)
{
    /// <summary>The one choice's delta.</summary>
    public sealed record ChunkChoice(
        [property: JsonPropertyName("index")] int Index,
        [property: JsonPropertyName("delta")] Delta Delta,
        [property: JsonPropertyName("finish_reason")] string? FinishReason);

    /// <summary>What this chunk adds to the message.</summary>
    public sealed record Delta(
        [property: JsonPropertyName("role"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Role,
        [property: JsonPropertyName("content"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Content);
}
