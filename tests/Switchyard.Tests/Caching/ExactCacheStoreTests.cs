using Microsoft.Extensions.Time.Testing;
using Switchyard.Caching;
using Switchyard.Completion;
using Switchyard.Routing;

namespace Switchyard.Tests.Caching;

public sealed class ExactCacheStoreTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));

    private static CachedCompletion Entry(string content) =>
        new(content, "sim-cheap", ModelTier.Cheap, new TokenUsage(10, 0, 5), "stop", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Get_AfterTimeToLive_MissesAndCountsTheExpiry()
    {
        var store = new ExactCacheStore(10, _time);
        store.Put("k", Entry("a"), TimeSpan.FromMinutes(5));

        Assert.NotNull(store.Get("k"));
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Null(store.Get("k"));
        Assert.Equal(1, store.Expirations);
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public void Put_AtCapacity_EvictsTheLeastRecentlyUsed()
    {
        var store = new ExactCacheStore(2, _time);
        store.Put("a", Entry("a"), TimeSpan.FromHours(1));
        store.Put("b", Entry("b"), TimeSpan.FromHours(1));
        store.Get("a");

        store.Put("c", Entry("c"), TimeSpan.FromHours(1));

        Assert.NotNull(store.Get("a"));
        Assert.Null(store.Get("b"));
        Assert.NotNull(store.Get("c"));
        Assert.Equal(1, store.Evictions);
    }

    [Fact]
    public void Put_SameKey_ReplacesWithoutGrowing()
    {
        var store = new ExactCacheStore(2, _time);
        store.Put("a", Entry("old"), TimeSpan.FromHours(1));
        store.Put("a", Entry("new"), TimeSpan.FromHours(1));

        Assert.Equal(1, store.Count);
        Assert.Equal("new", store.Get("a")!.Content);
    }
}
