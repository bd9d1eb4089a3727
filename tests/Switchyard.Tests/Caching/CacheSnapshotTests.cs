using Microsoft.Extensions.Time.Testing;
using Switchyard.Caching;
using Switchyard.Caching.Embeddings;
using Switchyard.Completion;
using Switchyard.Routing;

namespace Switchyard.Tests.Caching;

public sealed class CacheSnapshotTests : IDisposable
{
    private static readonly HashingEmbeddingGenerator Embedder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"switchyard-snapshot-{Guid.NewGuid():N}.snapshot");

    private static CacheEntryWrite Write(string key, string question, TimeSpan ttl) => new(
        key, "default", new CachedCompletion($"answer {key}", "sim-mid", ModelTier.Mid, new TokenUsage(12, 3, 7), "stop", DateTimeOffset.UnixEpoch), ttl, 5, Embedder.Embed(question));

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Write_ThenRead_RestoresAnswersEmbeddingsAndRecency()
    {
        var store = new CacheShardStore(1 << 20, _time);
        store.Put(Write("a", "how do i reset my password", TimeSpan.FromHours(1)));
        store.Put(Write("b", "what is the capital of france", TimeSpan.FromHours(1)));
        store.Put(new CacheEntryWrite("exact-only", "tools", store.Get("a")!, TimeSpan.FromHours(1)));
        store.Get("a");

        Assert.Equal(3, CacheSnapshot.Write(store, _path));
        var restored = new CacheShardStore(1 << 20, _time);
        CacheSnapshot.Read(restored, _path);

        Assert.Equal(["b", "exact-only", "a"], restored.Entries.Select(e => e.Key));
        Assert.Equal(store.Bytes, restored.Bytes);
        Assert.Equal(new TokenUsage(12, 3, 7), restored.Get("b")!.Usage);
        Assert.Equal("answer a", restored.FindSimilar(Embedder.Embed("How do I reset my password?"), 5, 0.99f)!.Completion.Content);
    }

    [Fact]
    public void ACapture_WrittenAfterTheShardChanged_HoldsTheShardAsItWasWhenCaptured()
    {
        var store = new CacheShardStore(1 << 20, _time);
        store.Put(Write("a", "how do i reset my password", TimeSpan.FromHours(1)));
        store.Put(Write("b", "what is the capital of france", TimeSpan.FromHours(1)));
        store.Get("a");
        var capture = store.Capture();

        // Everything the shard may do while the capture is being written: serve, forget, and reuse the freed vector slots.
        store.Get("a");
        store.Get("b");
        Assert.Equal(2, store.Invalidate(taskType: null));
        store.Put(Write("c", "which planet is the largest", TimeSpan.FromHours(1)));
        store.Put(Write("d", "how many legs does a spider have", TimeSpan.FromHours(1)));
        Assert.Equal(2, CacheSnapshot.Write(capture, _path));

        var restored = new CacheShardStore(1 << 20, _time);
        CacheSnapshot.Read(restored, _path);
        Assert.Equal(["b", "a"], restored.Entries.Select(e => e.Key));
        Assert.Equal([0L, 1L], restored.Entries.Select(e => e.Hits));
        Assert.Equal("answer a", restored.FindSimilar(Embedder.Embed("How do I reset my password?"), 5, 0.99f)!.Completion.Content);
        Assert.Equal("answer b", restored.FindSimilar(Embedder.Embed("What is the capital of France?"), 5, 0.99f)!.Completion.Content);
        Assert.Null(restored.FindSimilar(Embedder.Embed("Which planet is the largest?"), 5, 0.9f));
    }

    [Fact]
    public void Read_DropsEntriesThatExpiredSince()
    {
        var store = new CacheShardStore(1 << 20, _time);
        store.Put(Write("short", "short lived", TimeSpan.FromMinutes(1)));
        store.Put(Write("long", "long lived", TimeSpan.FromHours(1)));
        CacheSnapshot.Write(store, _path);
        _time.Advance(TimeSpan.FromMinutes(5));

        var restored = new CacheShardStore(1 << 20, _time);
        CacheSnapshot.Read(restored, _path);

        Assert.Equal(["long"], restored.Entries.Select(e => e.Key));
    }

    [Fact]
    public void Read_OfAFileThatIsNotASnapshot_Throws_AndAMissingFileReadsAsEmpty()
    {
        File.WriteAllText(_path, "not a snapshot");

        Assert.Throws<InvalidDataException>(() => CacheSnapshot.Read(new CacheShardStore(1 << 20, _time), _path));
        Assert.Equal(0, CacheSnapshot.Read(new CacheShardStore(1 << 20, _time), _path + ".missing"));
    }
}
