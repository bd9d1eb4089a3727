namespace Switchyard.Caching;

/// <summary>Counters of one cache shard (or, summed, of a tenant's cache) since activation.</summary>
/// <param name="Entries">Entries held, expired ones not yet swept included.</param>
/// <param name="Hits">Exact lookups that found a live entry.</param>
/// <param name="Misses">Exact lookups that found nothing live.</param>
/// <param name="Evictions">Entries dropped to stay within the byte capacity.</param>
/// <param name="Expirations">Entries dropped because their time ran out.</param>
/// <param name="SemanticHits">Semantic lookups that found an entry at or above the threshold.</param>
/// <param name="SemanticMisses">Semantic lookups that did not.</param>
/// <param name="Bytes">The estimated bytes the entries use.</param>
/// <param name="CapacityBytes">The byte capacity.</param>
/// <param name="Invalidations">Entries removed through the admin API.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.caching.CacheShardStatistics")]
public sealed record CacheShardStatistics(
    [property: Id(0)] int Entries,
    [property: Id(1)] long Hits,
    [property: Id(2)] long Misses,
    [property: Id(3)] long Evictions,
    [property: Id(4)] long Expirations,
    [property: Id(5)] long SemanticHits = 0,
    [property: Id(6)] long SemanticMisses = 0,
    [property: Id(7)] long Bytes = 0,
    [property: Id(8)] long CapacityBytes = 0,
    [property: Id(9)] long Invalidations = 0)
{
    /// <summary>The field-by-field sum of two shards' counters.</summary>
    public static CacheShardStatistics operator +(CacheShardStatistics left, CacheShardStatistics right) => new(
        left.Entries + right.Entries,
        left.Hits + right.Hits,
        left.Misses + right.Misses,
        left.Evictions + right.Evictions,
        left.Expirations + right.Expirations,
        left.SemanticHits + right.SemanticHits,
        left.SemanticMisses + right.SemanticMisses,
        left.Bytes + right.Bytes,
        left.CapacityBytes + right.CapacityBytes,
        left.Invalidations + right.Invalidations);
}
