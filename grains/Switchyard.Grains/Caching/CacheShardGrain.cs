using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Switchyard.Caching;

/// <summary>
/// One shard of one tenant's cache. The tenant is part of the grain key, so a lookup can only ever
/// reach that tenant's entries. Reads are <c>[ReadOnly]</c> and finish without awaiting, so they never
/// interleave mid-update. Entries live in memory and are written to a snapshot file on deactivation
/// and, when changed, on a grain timer; a new activation reads the snapshot back, so the cache is warm
/// after a restart or a deploy.
/// </summary>
public sealed partial class CacheShardGrain(IOptions<CacheOptions> options, TimeProvider time, ILogger<CacheShardGrain> logger)
    : Grain, ICacheShardGrain
{
    private readonly CacheShardStore _store = new(options.Value.MaxBytesPerShard, time);
    private string? _snapshotPath;
    private bool _dirty;

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
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => SnapshotIfChanged();

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
        await SnapshotIfChanged();
        return removed;
    }

    Task<CacheShardStatistics> ICacheShardGrain.GetStatistics() => Task.FromResult(_store.Statistics());

    private Task SnapshotIfChanged()
    {
        if (_snapshotPath is null || !_dirty)
        {
            return Task.CompletedTask;
        }

        try
        {
            CacheSnapshot.Write(_store, _snapshotPath);
            _dirty = false;
        }
        catch (IOException exception)
        {
            LogSnapshotFailed(logger, exception);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Cache shard restored {Read} entries from its snapshot; {Live} are live")]
    private static partial void LogRestored(ILogger logger, int read, int live);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cache shard snapshot could not be read or written")]
    private static partial void LogSnapshotFailed(ILogger logger, Exception exception);
}
