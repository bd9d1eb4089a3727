using System.Collections.Immutable;
using Switchyard.Routing;

namespace Switchyard.Completion;

/// <summary>The answer to a <see cref="CompletionRequest"/> with its routing metadata.</summary>
/// <param name="RequestId">The request's id.</param>
/// <param name="Content">The answer text; empty when <see cref="Error"/> is set.</param>
/// <param name="Model">The model whose answer is served.</param>
/// <param name="Tier">That model's tier.</param>
/// <param name="Cache">Whether the answer came from the cache.</param>
/// <param name="CostUsd">What this request cost the tenant, over every tier tried; 0 on a cache hit.</param>
/// <param name="Escalations">How many times the request moved to a stronger tier.</param>
/// <param name="TiersTried">Every tier that answered, in order.</param>
/// <param name="Usage">The tokens of every call made for this request.</param>
/// <param name="Confidence">The served answer's confidence, when known.</param>
/// <param name="FinishReason">The served answer's finish reason.</param>
/// <param name="Error">Set when nothing could be served.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.completion.CompletionResult")]
public sealed record CompletionResult(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string Content,
    [property: Id(2)] string Model,
    [property: Id(3)] ModelTier Tier,
    [property: Id(4)] CacheResult Cache,
    [property: Id(5)] decimal CostUsd,
    [property: Id(6)] int Escalations,
    [property: Id(7)] ImmutableArray<ModelTier> TiersTried,
    [property: Id(8)] TokenUsage Usage,
    [property: Id(9)] double? Confidence,
    [property: Id(10)] string FinishReason,
    [property: Id(11)] CompletionError? Error = null)
{
    /// <summary>A result that carries only an error.</summary>
    public static CompletionResult Failed(string requestId, CompletionError error, decimal costUsd = 0m) =>
        new(requestId, "", "", ModelTier.Cheap, CacheResult.Miss, costUsd, 0, [], TokenUsage.None, null, "", error);
}
