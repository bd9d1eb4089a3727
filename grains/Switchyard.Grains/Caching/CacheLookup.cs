using Switchyard.Completion;

namespace Switchyard.Caching;

/// <summary>What <see cref="CompletionCache.LookupAsync"/> found, and what it needs to store the answer on a miss.</summary>
/// <param name="Mode">How the request may use the cache.</param>
/// <param name="Key">Its exact key.</param>
/// <param name="Context">Its semantic context fingerprint.</param>
/// <param name="Embedding">The embedding of its last message, when matched by meaning.</param>
/// <param name="Hit">The cached answer, on a hit.</param>
/// <param name="Result">Miss, exact hit or semantic hit.</param>
public sealed record CacheLookup(
    CacheMode Mode,
    CacheKey Key,
    ulong Context,
    float[]? Embedding,
    CachedCompletion? Hit,
    CacheResult Result)
{
    /// <summary>The lookup of a request that does not use the cache.</summary>
    public static CacheLookup Bypass { get; } = new(CacheMode.None, default, 0, null, null, CacheResult.Miss);
}
