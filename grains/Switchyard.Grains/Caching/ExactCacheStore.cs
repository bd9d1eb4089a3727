namespace Switchyard.Caching;

/// <summary>
/// Entries with a time to live and a capacity, evicting the least recently used. Plain logic with an
/// injected <see cref="TimeProvider"/>; not thread-safe (a grain activation is single-threaded).
/// </summary>
public sealed class ExactCacheStore(int capacity, TimeProvider time)
{
    private readonly Dictionary<string, LinkedListNode<Entry>> _index = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();

    /// <summary>Entries held, expired ones not yet swept included.</summary>
    public int Count => _index.Count;

    /// <summary>Lookups that found a live entry.</summary>
    public long Hits { get; private set; }

    /// <summary>Lookups that found nothing live.</summary>
    public long Misses { get; private set; }

    /// <summary>Entries dropped to make room.</summary>
    public long Evictions { get; private set; }

    /// <summary>Entries dropped because their time ran out.</summary>
    public long Expirations { get; private set; }

    /// <summary>The live entry under <paramref name="key"/>, marked as just used.</summary>
    public CachedCompletion? Get(string key)
    {
        if (!_index.TryGetValue(key, out var node))
        {
            Misses++;
            return null;
        }

        if (node.Value.ExpiresAt <= time.GetUtcNow())
        {
            Remove(node);
            Expirations++;
            Misses++;
            return null;
        }

        _recency.Remove(node);
        _recency.AddFirst(node);
        Hits++;
        return node.Value.Value;
    }

    /// <summary>Stores <paramref name="value"/>, replacing any entry under the same key.</summary>
    public void Put(string key, CachedCompletion value, TimeSpan timeToLive)
    {
        if (capacity <= 0 || timeToLive <= TimeSpan.Zero)
        {
            return;
        }

        if (_index.TryGetValue(key, out var existing))
        {
            Remove(existing);
        }

        while (_index.Count >= capacity && _recency.Last is { } oldest)
        {
            Remove(oldest);
            Evictions++;
        }

        _index[key] = _recency.AddFirst(new Entry(key, value, time.GetUtcNow() + timeToLive));
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _index.Remove(node.Value.Key);
    }

    private sealed record Entry(string Key, CachedCompletion Value, DateTimeOffset ExpiresAt);
}
