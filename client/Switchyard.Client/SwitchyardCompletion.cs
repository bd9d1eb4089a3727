using System.Collections.Immutable;
using Switchyard.Completion;
using Switchyard.Routing;

namespace Switchyard.Client;

/// <summary>An answer from Switchyard with how it was routed.</summary>
/// <param name="RequestId">The request's id (32 hex digits); budget holds and feedback refer to it.</param>
/// <param name="Content">The answer text.</param>
/// <param name="Model">The model whose answer was served.</param>
/// <param name="Tier">That model's tier.</param>
/// <param name="Cache">Whether the answer came from the cache.</param>
/// <param name="CostUsd">What the request cost the tenant over every tier tried; 0 on a cache hit.</param>
/// <param name="Escalations">How many times the request moved to a stronger tier.</param>
/// <param name="TiersTried">Every tier that answered, in order.</param>
/// <param name="Usage">The tokens of every call made for the request.</param>
/// <param name="Confidence">The served answer's confidence in [0, 1], when known.</param>
/// <param name="FinishReason">Why the model stopped (<c>stop</c>, <c>length</c>), or empty when unknown.</param>
public sealed record SwitchyardCompletion(
    string RequestId,
    string Content,
    string Model,
    ModelTier Tier,
    CacheResult Cache,
    decimal CostUsd,
    int Escalations,
    ImmutableArray<ModelTier> TiersTried,
    TokenUsage Usage,
    double? Confidence,
    string FinishReason)
{
    /// <summary>The completion of a successful <paramref name="result"/>.</summary>
    internal static SwitchyardCompletion From(CompletionResult result) => new(
        result.RequestId, result.Content, result.Model, result.Tier, result.Cache, result.CostUsd,
        result.Escalations, result.TiersTried.IsDefault ? [] : result.TiersTried, result.Usage,
        result.Confidence, result.FinishReason);
}
