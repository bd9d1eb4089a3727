using Switchyard.Caching;
using Switchyard.Completion;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Caching;

[Collection(ClusterCollection.Name)]
public sealed class CacheIsolationClusterTests(ClusterFixture fixture)
{
    private ICompletionGrain Worker => fixture.Grains.GetGrain<ICompletionGrain>(0);

    private static CompletionRequest Request(string tenant, string prompt) =>
        new(Guid.NewGuid().ToString("N"), tenant, "default", "auto", [.. Prompts.User(prompt)]);

    [Fact]
    public async Task Complete_TwoTenantsWithTheSamePrompts_OnTwoSilos_NeverShareAnEntry()
    {
        var topics = UnlikeQuestions.Take(16);
        await Task.WhenAll(topics.Select(t => Worker.Complete(Request("alpha", t))));
        await Task.WhenAll(topics.Select(t => CacheWrites.WaitUntilStoredAsync(fixture.Grains, Request("alpha", t))));

        // Beta asks alpha's exact prompts while alpha asks rewordings, all at once, over both silos' shards.
        var alpha = topics.Select(t => Worker.Complete(Request("alpha", UnlikeQuestions.Reworded(t)))).ToList();
        var beta = topics.Select(t => Worker.Complete(Request("beta", t))).ToList();
        await Task.WhenAll(alpha.Concat(beta));

        Assert.All(alpha, r => Assert.Equal(CacheResult.HitSemantic, r.Result.Cache));
        Assert.All(beta, r => Assert.Equal(CacheResult.Miss, r.Result.Cache));
        Assert.All(beta, r => Assert.True(r.Result.CostUsd > 0m));
    }

    [Fact]
    public async Task Shards_OfOneTenant_HoldOnlyThatTenantsEntries()
    {
        var prompt = $"Shard isolation probe {Guid.NewGuid():N}";
        var before = await fixture.Grains.GetGrain<ICacheShardGrain>(GrainKeys.CacheShard("beta", CacheKey.For(Request("alpha", prompt), 4).ShardIndex)).GetStatistics();

        await Worker.Complete(Request("alpha", prompt));
        var after = await fixture.Grains.GetGrain<ICacheShardGrain>(GrainKeys.CacheShard("beta", CacheKey.For(Request("alpha", prompt), 4).ShardIndex)).GetStatistics();

        Assert.Equal(before.Entries, after.Entries);
        Assert.Equal(CacheResult.Miss, (await Worker.Complete(Request("beta", prompt))).Cache);
    }
}
