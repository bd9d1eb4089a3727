using Microsoft.Extensions.Options;

namespace Switchyard.Caching;

/// <summary>
/// One shard of one tenant's cache. The tenant is part of the grain key, so a lookup can only ever
/// reach that tenant's entries. Reads are <c>[ReadOnly]</c> and finish without awaiting, so they never
/// interleave mid-update. Entries live in memory; a shard that is deactivated starts empty.
/// </summary>
public sealed class CacheShardGrain(IOptions<CacheOptions> options, TimeProvider time) : Grain, ICacheShardGrain
{
    private readonly ExactCacheStore _store = new(options.Value.MaxEntriesPerShard, time);

    Task<CachedCompletion?> ICacheShardGrain.Get(string key) => Task.FromResult(_store.Get(key));

    Task ICacheShardGrain.Put(string key, CachedCompletion entry, TimeSpan timeToLive)
    {
        _store.Put(key, entry, timeToLive);
        return Task.CompletedTask;
    }

    Task<CacheShardStatistics> ICacheShardGrain.GetStatistics() => Task.FromResult(
        new CacheShardStatistics(_store.Count, _store.Hits, _store.Misses, _store.Evictions, _store.Expirations));
}
