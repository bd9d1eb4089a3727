using Orleans.Concurrency;

namespace Switchyard.Caching;

/// <summary>
/// One shard of one tenant's cache (key: tenant + shard index, see <see cref="GrainKeys.CacheShard"/>).
/// Because the tenant is part of the grain key, two tenants can never read each other's entries.
/// </summary>
[Alias("switchyard.caching.ICacheShardGrain")]
public interface ICacheShardGrain : IGrainWithStringKey
{
    /// <summary>The entry stored under <paramref name="key"/>, or null when absent or expired.</summary>
    [ReadOnly, Alias("Get")]
    Task<CachedCompletion?> Get(string key);

    /// <summary>
    /// The entry under <paramref name="exactKey"/> when one is given and live; else the live entry of
    /// the query's context most similar to its embedding, when its similarity reaches the query's
    /// threshold; else null. A lookup whose embedding is ready before it asks (an in-process embedder)
    /// sends the exact key along to the shard it hashes to, and saves the round trip of asking that
    /// shard first; the other shards get no key.
    /// </summary>
    [ReadOnly, Alias("Lookup")]
    Task<CacheShardHit?> Lookup(string? exactKey, SemanticCacheQuery query);

    /// <summary>
    /// Stores an answer under its exact key and, when it has one, its embedding. One-way: the caller
    /// does not wait for the shard's turn, so a busy shard never holds up an answer that is already
    /// paid for, and a failed write costs a cache entry, never the request. A call sent right after it
    /// may reach the shard first: a lookup sees the entry once the shard has taken the write.
    /// </summary>
    [OneWay, Alias("Put")]
    Task Put(CacheEntryWrite entry);

    /// <summary>Removes every entry, or only those of <paramref name="taskType"/>; returns how many.</summary>
    [Alias("Invalidate")]
    Task<int> Invalidate(string? taskType);

    /// <summary>The shard's counters.</summary>
    [ReadOnly, Alias("GetStatistics")]
    Task<CacheShardStatistics> GetStatistics();
}
