using Microsoft.Extensions.Time.Testing;
using Switchyard.Caching;
using Switchyard.Caching.Embeddings;
using Switchyard.Completion;
using Switchyard.Routing;

namespace Switchyard.Tests.Caching;

public sealed class CacheShardStoreTests
{
    private static readonly HashingEmbeddingGenerator Embedder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));

    private static CachedCompletion Answer(string content) =>
        new(content, "sim-cheap", ModelTier.Cheap, new TokenUsage(10, 0, 5), "stop", DateTimeOffset.UnixEpoch);

    private static CacheEntryWrite Write(string key, string? question = null, string taskType = "default", ulong context = 1, TimeSpan? ttl = null) =>
        new(key, taskType, Answer(key), ttl ?? TimeSpan.FromHours(1), context, question is null ? null : Embedder.Embed(question));

    [Fact]
    public void Get_AfterTimeToLive_MissesAndCountsTheExpiry()
    {
        var store = new CacheShardStore(1 << 20, _time);
        store.Put(Write("k", ttl: TimeSpan.FromMinutes(5)));

        Assert.NotNull(store.Get("k"));
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Null(store.Get("k"));
        Assert.Equal(1, store.Expirations);
        Assert.Equal(0, store.Count);
        Assert.Equal(0, store.Bytes);
    }

    [Fact]
    public void Put_BeyondTheByteCapacity_EvictsTheLeastRecentlyUsed()
    {
        var entryBytes = new CacheShardStore(1 << 20, _time).Also(s => s.Put(Write("a", "first question"))).Bytes;
        var store = new CacheShardStore((2 * entryBytes) + (entryBytes / 2), _time);
        store.Put(Write("a", "first question"));
        store.Put(Write("b", "second question"));
        store.Get("a");

        store.Put(Write("c", "third question"));

        Assert.NotNull(store.Get("a"));
        Assert.Null(store.Get("b"));
        Assert.NotNull(store.Get("c"));
        Assert.Equal(1, store.Evictions);
        Assert.True(store.Bytes <= store.CapacityBytes);
        Assert.Null(store.FindSimilar(Embedder.Embed("second question"), 1, 0.99f));
    }

    [Fact]
    public void Entries_AreListedLeastRecentFirst_ThroughUsesReplacementsAndRemovals()
    {
        var store = new CacheShardStore(1 << 20, _time);
        foreach (var key in new[] { "a", "b", "c", "d", "e" })
        {
            store.Put(Write(key, $"question {key}", taskType: key == "c" ? "other" : "default"));
        }

        store.Get("a");              // oldest becomes newest
        store.Get("d");              // a middle one becomes newest
        store.Get("d");              // the newest used again stays newest
        store.Put(Write("b", "question b"));
        store.Invalidate("other");   // "c" leaves from the middle

        Assert.Equal(["e", "a", "d", "b"], store.Entries.Select(e => e.Key));
        Assert.Equal([0L, 1L, 2L, 0L], store.Entries.Select(e => e.Hits));
        Assert.Equal(Answer("d"), store.Get("d"));
        Assert.Equal(store.Entries.Sum(e => e.Bytes), store.Bytes);
    }

    [Fact]
    public void Put_LargerThanTheWholeCapacity_IsNotStored()
    {
        var store = new CacheShardStore(300, _time);

        store.Put(Write("k", "a question whose vector alone exceeds the capacity"));

        Assert.Equal(0, store.Count);
    }

    [Fact]
    public void Put_UnderTheSameKey_ReplacesTheEntryAndItsBytes()
    {
        var store = new CacheShardStore(1 << 20, _time);
        store.Put(Write("k", "a question"));
        var bytes = store.Bytes;

        store.Put(Write("k", "a question"));

        Assert.Equal(1, store.Count);
        Assert.Equal(bytes, store.Bytes);
    }

    [Fact]
    public void FindSimilar_AtOrAboveTheThreshold_Hits_AndBelow_Misses()
    {
        var store = new CacheShardStore(1 << 20, _time);
        store.Put(Write("k", "How do I reset my router password?"));
        var query = Embedder.Embed("how do i reset my router password");

        var hit = store.FindSimilar(query, 1, 0.9f);
        var unrelated = store.FindSimilar(Embedder.Embed("What is the capital of France?"), 1, 0.9f);

        Assert.Equal("k", hit!.Completion.Content);
        Assert.True(hit.Similarity >= 0.9f);
        Assert.Null(unrelated);
        Assert.Equal(1, store.SemanticHits);
        Assert.Equal(1, store.SemanticMisses);
    }

    [Fact]
    public void FindSimilar_InAnotherContext_Misses()
    {
        var store = new CacheShardStore(1 << 20, _time);
        store.Put(Write("k", "and in Python?", context: 1));

        Assert.Null(store.FindSimilar(Embedder.Embed("and in Python?"), 2, 0.5f));
        Assert.NotNull(store.FindSimilar(Embedder.Embed("and in Python?"), 1, 0.5f));
    }

    [Fact]
    public void FindSimilar_WhenTheNearestHasExpired_SweepsItAndFindsTheNextLiveOne()
    {
        var store = new CacheShardStore(1 << 20, _time);
        store.Put(Write("old", "how do i reset my password", ttl: TimeSpan.FromMinutes(1)));
        store.Put(Write("live", "how do i reset my password please", ttl: TimeSpan.FromHours(1)));
        _time.Advance(TimeSpan.FromMinutes(2));

        var hit = store.FindSimilar(Embedder.Embed("how do i reset my password"), 1, 0.5f);

        Assert.Equal("live", hit!.Completion.Content);
        Assert.Equal(1, store.Expirations);
    }

    [Fact]
    public void Invalidate_ByTaskType_RemovesOnlyThatTaskTypesEntries()
    {
        var store = new CacheShardStore(1 << 20, _time);
        store.Put(Write("a", "question a", taskType: "summarize"));
        store.Put(Write("b", "question b", taskType: "translate"));

        Assert.Equal(1, store.Invalidate("SUMMARIZE"));
        Assert.Null(store.Get("a"));
        Assert.Null(store.FindSimilar(Embedder.Embed("question a"), 1, 0.99f));
        Assert.NotNull(store.Get("b"));

        Assert.Equal(1, store.Invalidate(null));
        Assert.Equal(0, store.Count);
        Assert.Equal(2, store.Invalidations);
    }

    [Fact]
    public void Put_WithVectorsOfANewLength_MatchesByTheNewEmbedder_AndKeepsOlderEntriesExactOnly()
    {
        var store = new CacheShardStore(1 << 20, _time);
        store.Put(Write("old", "How do I reset my router password?"));
        var wider = new HashingEmbeddingGenerator(512);
        var bytesBefore = store.Bytes;

        store.Put(new CacheEntryWrite("new", "default", Answer("new"), TimeSpan.FromHours(1), 1, wider.Embed("How do I renew my passport?")));

        Assert.NotNull(store.FindSimilar(wider.Embed("how do i renew my passport"), 1, 0.9f));
        Assert.Null(store.FindSimilar(Embedder.Embed("how do i reset my router password"), 1, 0.5f));
        Assert.NotNull(store.Get("old"));
        Assert.Null(store.EmbeddingOf(store.Entries.Single(e => e.Key == "old")));
        Assert.Equal(store.Entries.Sum(e => e.Bytes), store.Bytes);
        Assert.True(store.Bytes - bytesBefore < store.Entries.Single(e => e.Key == "new").Bytes);
    }
}
