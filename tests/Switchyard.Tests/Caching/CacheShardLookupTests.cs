using Switchyard.Caching;
using Switchyard.Caching.Embeddings;
using Switchyard.Completion;
using Switchyard.Routing;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Caching;

/// <summary><see cref="ICacheShardGrain.Lookup"/>: the exact key first, then by meaning, in one call.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CacheShardLookupTests(ClusterFixture fixture)
{
    private static readonly HashingEmbeddingGenerator Embedder = new();

    private static float[] Embed(string text) => Embedder.Embed(text);

    private static CacheEntryWrite Entry(string key, string content, string question) => new(
        key, "default", new CachedCompletion(content, "m", ModelTier.Cheap, TokenUsage.None, "stop", DateTimeOffset.UtcNow),
        TimeSpan.FromHours(1), 7, Embed(question));

    [Fact]
    public async Task Lookup_PrefersTheExactKey_ThenTheMostSimilarEntry_ElseNothing()
    {
        var shard = fixture.Grains.GetGrain<ICacheShardGrain>(GrainKeys.CacheShard($"lookup-{Guid.NewGuid():N}", 0));
        await shard.Put(Entry("key-a", "answer a", "How do I reset my password?"));
        await shard.Put(Entry("key-b", "answer b", "How do I reset my password on the mobile app?"));
        // Put is one-way: wait until the shard holds both entries.
        for (var i = 0; i < 200 && (await shard.GetStatistics()).Entries < 2; i++)
        {
            await Task.Delay(10);
        }

        var query = new SemanticCacheQuery(7, Embed("How do I reset my password?"), 0.9f);

        var exact = await shard.Lookup("key-b", query);
        var similar = await shard.Lookup("key-absent", query);
        var withoutKey = await shard.Lookup(null, query);
        var otherContext = await shard.Lookup("key-absent", query with { Context = 8 });

        Assert.Equal(("answer b", true, 1f), (exact!.Completion.Content, exact.IsExact, exact.Similarity));
        Assert.Equal(("answer a", false), (similar!.Completion.Content, similar.IsExact));
        Assert.True(similar.Similarity > 0.99f);
        Assert.Equal("answer a", withoutKey!.Completion.Content);
        Assert.Null(otherContext);
    }
}
