namespace Switchyard.Caching;

/// <summary>An answer to store in a cache shard.</summary>
/// <param name="Key">The exact key (see the grains' <c>CacheKey</c>).</param>
/// <param name="TaskType">The request's task type, so it can be invalidated on its own.</param>
/// <param name="Completion">The answer.</param>
/// <param name="TimeToLive">How long it is served.</param>
/// <param name="Context">The semantic context fingerprint; ignored without an embedding.</param>
/// <param name="Embedding">The unit-length embedding of the last user message, or null for exact-only entries.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.caching.CacheEntryWrite")]
public sealed record CacheEntryWrite(
    [property: Id(0)] string Key,
    [property: Id(1)] string TaskType,
    [property: Id(2)] CachedCompletion Completion,
    [property: Id(3)] TimeSpan TimeToLive,
    [property: Id(4)] ulong Context = 0,
    [property: Id(5)] float[]? Embedding = null);
