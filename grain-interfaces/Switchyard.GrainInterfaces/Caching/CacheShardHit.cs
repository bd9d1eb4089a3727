namespace Switchyard.Caching;

/// <summary>What a shard answered to a combined lookup: the entry under the exact key, or the most similar one.</summary>
/// <param name="Completion">The cached answer.</param>
/// <param name="Similarity">The cosine similarity of the cached request to the query; 1 for an exact hit.</param>
/// <param name="IsExact">True when the entry was found under the request's exact key.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.caching.CacheShardHit")]
public sealed record CacheShardHit(
    [property: Id(0)] CachedCompletion Completion,
    [property: Id(1)] float Similarity,
    [property: Id(2)] bool IsExact);
