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

    /// <summary>Stores <paramref name="entry"/> under <paramref name="key"/> for <paramref name="timeToLive"/>.</summary>
    [Alias("Put")]
    Task Put(string key, CachedCompletion entry, TimeSpan timeToLive);

    /// <summary>The shard's counters.</summary>
    [ReadOnly, Alias("GetStatistics")]
    Task<CacheShardStatistics> GetStatistics();
}
