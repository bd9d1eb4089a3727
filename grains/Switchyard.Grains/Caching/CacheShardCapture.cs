using Switchyard.Caching.Vectors;

namespace Switchyard.Caching;

/// <summary>
/// A shard's entries as they were at one moment, least recently used first: what a snapshot writes.
/// Taking it walks the recency list and copies the hit counts and vector slots (a few bytes per entry);
/// the embeddings are not copied. Until it is disposed the shard's vector index reuses no freed slot, so
/// the vectors captured stay as they were and another thread may write them to disk while the shard goes
/// on serving and changing. Dispose it on the shard's own thread once written.
/// </summary>
public sealed class CacheShardCapture : IDisposable
{
    private readonly CacheShardEntry[] _entries;
    private readonly long[] _hits;
    private readonly int[] _slots;
    private readonly VectorIndex? _vectors;
    private bool _disposed;

    internal CacheShardCapture(CacheShardEntry[] entries, long[] hits, int[] slots, VectorIndex? vectors)
    {
        _entries = entries;
        _hits = hits;
        _slots = slots;
        _vectors = vectors;
        _vectors?.DeferReuse();
    }

    /// <summary>Entries captured.</summary>
    public int Count => _entries.Length;

    /// <summary>The <paramref name="i"/>-th entry, least recently used first. Its answer fields never change.</summary>
    public CacheShardEntry Entry(int i) => _entries[i];

    /// <summary>How often the <paramref name="i"/>-th entry had been served when captured.</summary>
    public long Hits(int i) => _hits[i];

    /// <summary>The <paramref name="i"/>-th entry's embedding as captured; empty for an exact-only entry.</summary>
    public ReadOnlySpan<float> Embedding(int i)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _slots[i] >= 0 ? _vectors!.Vector(_slots[i]) : default;
    }

    /// <summary>Lets the shard's vector index reuse the slots freed since the capture.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _vectors?.ResumeReuse();
        }
    }
}
