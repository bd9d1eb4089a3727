using Switchyard.Caching;
using Switchyard.Completion;

namespace Switchyard.Tests.Infrastructure;

/// <summary>
/// The pipeline stores an answer with a one-way call after the response, so on a cluster the next request
/// can reach the shard before the write does. Tests that ask again wait for the write first.
/// </summary>
public static class CacheWrites
{
    /// <summary>Waits until the shard <paramref name="request"/>'s exact key hashes to holds an answer for it.</summary>
    public static async Task WaitUntilStoredAsync(IGrainFactory grains, CompletionRequest request)
    {
        var key = CacheKey.For(request, new CacheOptions().ShardsPerTenant);
        var shard = grains.GetGrain<ICacheShardGrain>(GrainKeys.CacheShard(request.TenantId, key.ShardIndex));
        for (var i = 0; i < 500 && await shard.Get(key.Hash) is null; i++)
        {
            await Task.Delay(10);
        }
    }
}
