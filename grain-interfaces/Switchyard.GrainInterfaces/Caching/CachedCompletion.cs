using Switchyard.Completion;
using Switchyard.Routing;

namespace Switchyard.Caching;

/// <summary>An answer kept in a cache shard.</summary>
/// <param name="Content">The answer text.</param>
/// <param name="Model">The model that produced it.</param>
/// <param name="Tier">That model's tier.</param>
/// <param name="Usage">The tokens the original call used.</param>
/// <param name="FinishReason">The original finish reason.</param>
/// <param name="CreatedAt">When the answer was produced.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.caching.CachedCompletion")]
public sealed record CachedCompletion(
    [property: Id(0)] string Content,
    [property: Id(1)] string Model,
    [property: Id(2)] ModelTier Tier,
    [property: Id(3)] TokenUsage Usage,
    [property: Id(4)] string FinishReason,
    [property: Id(5)] DateTimeOffset CreatedAt);
