using Switchyard.Caching.Vectors;

namespace Switchyard.Caching;

/// <summary>
/// The entries of one cache shard: an exact index by key, a vector index for lookups by meaning, a
/// time to live per entry and a capacity in bytes, evicting the least recently used. Plain logic with
/// an injected <see cref="TimeProvider"/>; not thread-safe (a grain activation is single-threaded).
/// </summary>
public sealed class CacheShardStore(long capacityBytes, TimeProvider time)
{
    // Dictionary slot and entry object headers: a rough, constant per-entry cost.
    private const int EntryOverheadBytes = 256;

    // Past this many vectors the shard searches its partitioned lists instead of scanning every vector.
    // A scan reads every float (1.5 KB per 384-dimension vector), and each lookup scans all of a
    // tenant's shards, so at 16,384 vectors per shard one lookup would read ~100 MB, and memory
    // bandwidth, not arithmetic, would bound every request that misses the exact cache. Past it the
    // index grows by splitting one list at a time, so no insert pays for a whole re-partition.
    private const int ExactSearchLimit = 512;

    private readonly Dictionary<string, CacheShardEntry> _index = new(StringComparer.Ordinal);
    private readonly SharedStrings _shared = new();
    private CacheShardEntry?[] _bySlot = [];
    private CacheShardEntry? _newest;
    private CacheShardEntry? _oldest;
    private VectorIndex? _vectors;

    /// <summary>The byte capacity.</summary>
    public long CapacityBytes => capacityBytes;

    /// <summary>Entries held, expired ones not yet swept included.</summary>
    public int Count => _index.Count;

    /// <summary>The estimated bytes the entries use.</summary>
    public long Bytes { get; private set; }

    /// <summary>Exact lookups that found a live entry.</summary>
    public long Hits { get; private set; }

    /// <summary>Exact lookups that found nothing live.</summary>
    public long Misses { get; private set; }

    /// <summary>Semantic lookups at or above their threshold.</summary>
    public long SemanticHits { get; private set; }

    /// <summary>Semantic lookups below their threshold, or with nothing to compare.</summary>
    public long SemanticMisses { get; private set; }

    /// <summary>Entries dropped to stay within the capacity.</summary>
    public long Evictions { get; private set; }

    /// <summary>Entries dropped because their time ran out.</summary>
    public long Expirations { get; private set; }

    /// <summary>Entries removed by <see cref="Invalidate"/>.</summary>
    public long Invalidations { get; private set; }

    /// <summary>The entries, least recently used first.</summary>
    public IEnumerable<CacheShardEntry> Entries
    {
        get
        {
            for (var entry = _oldest; entry is not null; entry = entry.Newer)
            {
                yield return entry;
            }
        }
    }

    /// <summary>The live entry under <paramref name="key"/>, marked as just used.</summary>
    public CachedCompletion? Get(string key)
    {
        if (!_index.TryGetValue(key, out var entry) || Expired(entry))
        {
            Misses++;
            return null;
        }

        Touch(entry);
        Hits++;
        return entry.Completion;
    }

    /// <summary>
    /// The live entry of <paramref name="context"/> most similar to <paramref name="embedding"/>, when
    /// the similarity reaches <paramref name="threshold"/>; marked as just used.
    /// </summary>
    public SemanticCacheHit? FindSimilar(ReadOnlySpan<float> embedding, ulong context, float threshold)
    {
        if (_vectors is not null && embedding.Length == _vectors.Dimensions)
        {
            // An expired nearest entry is swept and the search repeated, so a stale answer never shadows a live one.
            while (_vectors.FindNearest(embedding, context, threshold) is { } match)
            {
                var entry = _bySlot[match.Slot]!;
                if (Expired(entry))
                {
                    continue;
                }

                Touch(entry);
                SemanticHits++;
                return new SemanticCacheHit(entry.Completion, match.Similarity);
            }
        }

        SemanticMisses++;
        return null;
    }

    /// <summary>Stores <paramref name="write"/>, replacing any entry under the same key.</summary>
    public void Put(CacheEntryWrite write) => Add(write, time.GetUtcNow() + write.TimeToLive, hits: 0);

    /// <summary>Adds an entry read back from a snapshot, unless it has expired since.</summary>
    public void Restore(CacheEntryWrite write, DateTimeOffset expiresAt, long hits) => Add(write, expiresAt, hits);

    /// <summary>
    /// The entries as they are now, least recently used first: what a snapshot needs, safe to write from
    /// another thread while the shard goes on changing (see <see cref="CacheShardCapture"/>). Dispose it on
    /// this store's thread once written.
    /// </summary>
    public CacheShardCapture Capture()
    {
        var count = _index.Count;
        var entries = new CacheShardEntry[count];
        var hits = new long[count];
        var slots = new int[count];
        var i = 0;
        for (var entry = _oldest; entry is not null; entry = entry.Newer, i++)
        {
            entries[i] = entry;
            hits[i] = entry.Hits;
            slots[i] = _vectors is null ? -1 : entry.Slot;
        }

        return new CacheShardCapture(entries, hits, slots, _vectors);
    }

    /// <summary>A copy of <paramref name="entry"/>'s embedding, or null for an exact-only entry.</summary>
    public float[]? EmbeddingOf(CacheShardEntry entry) =>
        entry.Slot >= 0 && _vectors is not null ? _vectors.Vector(entry.Slot).ToArray() : null;

    /// <summary>Removes every entry, or those of <paramref name="taskType"/> only; returns how many.</summary>
    public int Invalidate(string? taskType)
    {
        var doomed = Entries.Where(e => taskType is null || e.TaskType.Equals(taskType, StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var entry in doomed)
        {
            Remove(entry);
        }

        Invalidations += doomed.Count;
        return doomed.Count;
    }

    /// <summary>The counters, as the grain reports them.</summary>
    public CacheShardStatistics Statistics() => new(
        Count, Hits, Misses, Evictions, Expirations, SemanticHits, SemanticMisses, Bytes, capacityBytes, Invalidations);

    private void Add(CacheEntryWrite write, DateTimeOffset expiresAt, long hits)
    {
        if (expiresAt <= time.GetUtcNow())
        {
            return;
        }

        if (_index.TryGetValue(write.Key, out var existing))
        {
            Remove(existing);
        }

        var embedding = write.Embedding;
        if (embedding is not null && _vectors is not null && embedding.Length != _vectors.Dimensions)
        {
            // The embedder was changed: vectors of two lengths cannot be compared. The newest length wins,
            // and the older entries keep their exact keys only (they could never match the new embedder's
            // context anyway).
            DropVectors();
        }

        var bytes = SizeOf(write, embedding);
        if (bytes > capacityBytes)
        {
            return;
        }

        while (Bytes + bytes > capacityBytes && _oldest is { } oldest)
        {
            Remove(oldest);
            Evictions++;
        }

        var slot = -1;
        if (embedding is not null)
        {
            _vectors ??= new VectorIndex(embedding.Length, exhaustiveLimit: ExactSearchLimit);
            slot = _vectors.Add(embedding, write.Context);
        }

        var completion = write.Completion;
        var entry = new CacheShardEntry(
            write.Key, _shared.Share(write.TaskType), completion, _shared.Share(completion.Model), _shared.Share(completion.FinishReason), expiresAt, write.Context, slot, bytes) { Hits = hits };
        LinkAsNewest(entry);
        _index[write.Key] = entry;
        if (slot >= 0)
        {
            if (slot >= _bySlot.Length)
            {
                Array.Resize(ref _bySlot, Math.Max(slot + 1, Math.Max(16, _bySlot.Length * 2)));
            }

            _bySlot[slot] = entry;
        }

        Bytes += bytes;
    }

    private bool Expired(CacheShardEntry entry)
    {
        if (entry.ExpiresAt > time.GetUtcNow())
        {
            return false;
        }

        Remove(entry);
        Expirations++;
        return true;
    }

    private void Touch(CacheShardEntry entry)
    {
        entry.Hits++;
        Unlink(entry);
        LinkAsNewest(entry);
    }

    private void Remove(CacheShardEntry entry)
    {
        Unlink(entry);
        _index.Remove(entry.Key);
        if (entry.Slot >= 0)
        {
            _bySlot[entry.Slot] = null;
            _vectors!.Remove(entry.Slot);
        }

        Bytes -= entry.Bytes;
    }

    private void LinkAsNewest(CacheShardEntry entry)
    {
        entry.Older = _newest;
        entry.Newer = null;
        if (_newest is not null)
        {
            _newest.Newer = entry;
        }

        _newest = entry;
        _oldest ??= entry;
    }

    private void Unlink(CacheShardEntry entry)
    {
        if (entry.Older is { } older)
        {
            older.Newer = entry.Newer;
        }
        else
        {
            _oldest = entry.Newer;
        }

        if (entry.Newer is { } newer)
        {
            newer.Older = entry.Older;
        }
        else
        {
            _newest = entry.Older;
        }

        entry.Older = entry.Newer = null;
    }

    private void DropVectors()
    {
        var dimensions = _vectors!.Dimensions;
        for (var entry = _newest; entry is not null; entry = entry.Older)
        {
            if (entry.Slot >= 0)
            {
                var bytes = entry.Bytes - VectorBytes(dimensions);
                Bytes -= entry.Bytes - bytes;
                entry.Slot = -1;
                entry.Bytes = bytes;
            }
        }

        _bySlot = [];
        _vectors = null;
    }

    private static long SizeOf(CacheEntryWrite write, float[]? embedding)
    {
        var completion = write.Completion;
        long bytes = EntryOverheadBytes + (2L * (write.Key.Length + write.TaskType.Length + completion.Content.Length + completion.Model.Length + completion.FinishReason.Length));
        return embedding is null ? bytes : bytes + VectorBytes(embedding.Length);
    }

    // The vector index holds the floats, a one-bit-per-dimension sign code and a context tag.
    private static long VectorBytes(int dimensions) => (dimensions * sizeof(float)) + ((dimensions + 63) / 64 * sizeof(ulong)) + sizeof(ulong);
}
