using System.Diagnostics;
using Switchyard.Caching.Vectors;

namespace Switchyard.Cli.Commands;

/// <summary>
/// Searches one tenant's shards in parallel for the cache benchmark, as the shard grains are searched:
/// each shard's search may run on its own thread-pool thread. The calling thread queues one work item
/// per shard beyond the first, then claims shards itself until none is left, and waits only for the
/// searches other threads have already started. Unlike <c>Parallel.For</c>, it never waits for a worker
/// that has not been scheduled yet only for that worker to find no work left. Reuses its buffers, so a
/// search allocates nothing. One search at a time.
/// </summary>
internal sealed class ShardFanOut : IThreadPoolWorkItem
{
    private readonly VectorIndex[] _indexes;
    private readonly ManualResetEventSlim _done = new(initialState: true);
    private float[] _query = [];
    private ulong _context;
    private int _next;
    private int _pending;

    /// <summary>A fan-out over <paramref name="indexes"/>, one per shard.</summary>
    public ShardFanOut(VectorIndex[] indexes)
    {
        _indexes = indexes;
        _next = indexes.Length;
        Found = new VectorMatch?[indexes.Length];
        Ticks = new long[indexes.Length];
    }

    /// <summary>Each shard's best match of the last search.</summary>
    public VectorMatch?[] Found { get; }

    /// <summary>Each shard's search time of the last search, in <see cref="Stopwatch"/> ticks.</summary>
    public long[] Ticks { get; }

    /// <summary>Searches every shard for <paramref name="query"/>, in parallel; the results are in <see cref="Found"/>.</summary>
    public void Search(float[] query, ulong context)
    {
        _query = query;
        _context = context;
        _done.Reset();
        Volatile.Write(ref _pending, _indexes.Length);

        // Publishing the counter last: a work item left over from an earlier search claims shards of this one only after its query is in place.
        Interlocked.Exchange(ref _next, -1);
        for (var i = 1; i < _indexes.Length; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }

        Execute();
        _done.Wait();
    }

    /// <summary>Searches every shard for <paramref name="query"/> one after another on the calling thread.</summary>
    public void SearchSequentially(float[] query, ulong context)
    {
        for (var shard = 0; shard < _indexes.Length; shard++)
        {
            SearchShard(shard, query, context);
        }
    }

    /// <summary>Claims and searches shards until none is left.</summary>
    public void Execute()
    {
        int shard;
        while ((shard = Interlocked.Increment(ref _next)) < _indexes.Length)
        {
            SearchShard(shard, _query, _context);
            if (Interlocked.Decrement(ref _pending) == 0)
            {
                _done.Set();
            }
        }
    }

    private void SearchShard(int shard, float[] query, ulong context)
    {
        var started = Stopwatch.GetTimestamp();
        Found[shard] = _indexes[shard].FindNearest(query, context);
        Ticks[shard] = Stopwatch.GetTimestamp() - started;
    }
}
