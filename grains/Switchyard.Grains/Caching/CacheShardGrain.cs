using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Switchyard.Caching;

/// <summary>
/// One shard of one tenant's cache. The tenant is part of the grain key, so a lookup can only ever
/// reach that tenant's entries. Reads are <c>[ReadOnly]</c> and finish without awaiting, so they never
/// interleave mid-update. Entries live in memory and are written to a snapshot file on deactivation
/// and, when changed, on a grain timer; a new activation reads the snapshot back, so the cache is warm
/// after a restart or a deploy. The timer's turn only captures the entries (a walk of the recency list;
/// the vectors stay in the index, which reuses no freed slot until the file is written); the file is
/// written on a thread of its own while the shard goes on serving.
/// </summary>
public sealed partial class CacheShardGrain(IOptions<CacheOptions> options, TimeProvider time, ILogger<CacheShardGrain> logger)
    : Grain, ICacheShardGrain
{
    private readonly CacheShardStore _store = new(options.Value.MaxBytesPerShard, time);
    private string? _snapshotPath;
    private bool _dirty;

    // The snapshot being written off the grain's turn (true once on disk) and what it writes, or null.
    private Task<bool>? _writing;
    private CacheShardCapture? _writingCapture;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var directory = options.Value.SnapshotDirectory;
        if (string.IsNullOrWhiteSpace(directory))
        {
            return Task.CompletedTask;
        }

        // The grain key holds the tenant id, which may contain characters a file name cannot; hex is always safe.
        _snapshotPath = Path.Combine(directory, Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(this.GetPrimaryKeyString())) + ".snapshot");
        try
        {
            var read = CacheSnapshot.Read(_store, _snapshotPath);
            LogRestored(logger, read, _store.Count);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or EndOfStreamException)
        {
            // A damaged snapshot costs a cold cache, never an unavailable shard.
            LogSnapshotFailed(logger, exception);
        }

        this.RegisterGrainTimer(SnapshotIfChanged, new GrainTimerCreationOptions(options.Value.SnapshotInterval, options.Value.SnapshotInterval) { Interleave = false });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => SnapshotNowAsync();

    Task<CachedCompletion?> ICacheShardGrain.Get(string key) => Task.FromResult(_store.Get(key));

    Task<CacheShardHit?> ICacheShardGrain.Lookup(string? exactKey, SemanticCacheQuery query)
    {
        if (exactKey is not null && _store.Get(exactKey) is { } exact)
        {
            return Task.FromResult<CacheShardHit?>(new CacheShardHit(exact, 1f, IsExact: true));
        }

        return Task.FromResult(_store.FindSimilar(query.Embedding, query.Context, query.Threshold) is { } similar
            ? new CacheShardHit(similar.Completion, similar.Similarity, IsExact: false)
            : null);
    }

    Task ICacheShardGrain.Put(CacheEntryWrite entry)
    {
        _store.Put(entry);
        _dirty = true;
        return Task.CompletedTask;
    }

    async Task<int> ICacheShardGrain.Invalidate(string? taskType)
    {
        var removed = _store.Invalidate(taskType);
        _dirty |= removed > 0;

        // Written at once, not on the timer: invalidated answers must not come back from an older snapshot after a crash.
        await SnapshotNowAsync();
        return removed;
    }

    Task<CacheShardStatistics> ICacheShardGrain.GetStatistics() => Task.FromResult(_store.Statistics());

    // The timer: starts writing what the shard holds now, unless nothing changed or the last write is still going.
    private Task SnapshotIfChanged()
    {
        if (_snapshotPath is null || !FinishedWriting())
        {
            return Task.CompletedTask;
        }

        if (_dirty)
        {
            _writing = StartWriting(_snapshotPath);
        }

        return Task.CompletedTask;
    }

    // Deactivation and invalidation: waits out a write in flight, then writes what the shard holds now and waits for that too.
    private async Task SnapshotNowAsync()
    {
        if (_snapshotPath is null)
        {
            return;
        }

        if (_writing is { } writing)
        {
            await writing;
            FinishedWriting();
        }

        if (_dirty)
        {
            _writing = StartWriting(_snapshotPath);
            await _writing;
            FinishedWriting();
        }
    }

    // True when no write is in flight. A write that failed leaves its changes to the next one.
    private bool FinishedWriting()
    {
        if (_writing is not { } writing)
        {
            return true;
        }

        if (!writing.IsCompleted)
        {
            return false;
        }

        _dirty |= !writing.Result;
        _writing = null;
        _writingCapture!.Dispose();
        _writingCapture = null;
        return true;
    }

    private Task<bool> StartWriting(string path)
    {
        var started = Stopwatch.GetTimestamp();
        var capture = _writingCapture = _store.Capture();
        var captureMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        _dirty = false;

        // A thread of its own, not the grain's scheduler or a pool thread: a large shard's file takes a while to write.
        return Task.Factory.StartNew(
            () => Write(capture, path, captureMs), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private bool Write(CacheShardCapture capture, string path, double captureMs)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            CacheSnapshot.Write(capture, path);
            LogSnapshotWritten(logger, capture.Count, captureMs, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogSnapshotFailed(logger, exception);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Cache shard restored {Read} entries from its snapshot; {Live} are live")]
    private static partial void LogRestored(ILogger logger, int read, int live);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Cache shard snapshot of {Entries} entries: captured in {CaptureMs:F1} ms on the grain's turn, written in {WriteMs:F1} ms off it")]
    private static partial void LogSnapshotWritten(ILogger logger, int entries, double captureMs, double writeMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cache shard snapshot could not be read or written")]
    private static partial void LogSnapshotFailed(ILogger logger, Exception exception);
}
