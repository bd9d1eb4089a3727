namespace Switchyard.Caching;

/// <summary>One entry of a cache shard.</summary>
/// <param name="Key">The exact key.</param>
/// <param name="TaskType">The task type of the request that produced it.</param>
/// <param name="Completion">The answer, with its usage and creation time.</param>
/// <param name="ExpiresAt">When it stops being served.</param>
/// <param name="Context">The semantic context fingerprint.</param>
/// <param name="Slot">Its slot in the vector index (which holds its embedding), or -1 for an exact-only entry.</param>
/// <param name="Bytes">Its estimated size.</param>
public sealed record CacheShardEntry(
    string Key,
    string TaskType,
    CachedCompletion Completion,
    DateTimeOffset ExpiresAt,
    ulong Context,
    int Slot,
    long Bytes)
{
    /// <summary>How many times it was served.</summary>
    public long Hits { get; set; }
}
