using Microsoft.Extensions.Logging.Abstractions;
using Switchyard.Budget;

namespace Switchyard.Silo.Storage;

/// <summary>
/// Budgets on local disk, under <c>budget/</c> in the data directory: per tenant a snapshot file
/// (<c>&lt;tenant&gt;.snapshot</c>) and the journal that follows it (<c>&lt;tenant&gt;.&lt;generation&gt;.journal</c>).
/// </summary>
public sealed partial class FileBudgetStore : IBudgetStore, IDisposable
{
    // Enough parallel flushes for the file system to group them, few enough to stay cheap.
    private const int FlushThreads = 16;

    private readonly string _directory;
    private readonly DeviceFlushQueue _flushes = new(FlushThreads);
    private readonly BudgetDurability _durability;
    private readonly List<WeakReference<FileBudgetJournal>> _journals = [];
    private readonly Timer? _deviceFlush;
    private readonly ILogger _logger;

    /// <summary>Budgets under <c>budget/</c> in <paramref name="rootDirectory"/>, acknowledged as <paramref name="durability"/> says.</summary>
    public FileBudgetStore(string rootDirectory, BudgetDurability durability = BudgetDurability.Device, TimeSpan? deviceFlushInterval = null, ILogger<FileBudgetStore>? logger = null)
    {
        _directory = Path.Combine(Path.GetFullPath(rootDirectory), "budget");
        _durability = durability;
        _logger = logger ?? NullLogger<FileBudgetStore>.Instance;
        if (durability == BudgetDurability.Process)
        {
            var interval = deviceFlushInterval ?? TimeSpan.FromMilliseconds(100);
            // The timer only hands the flush over: fsync blocks, and a timer callback runs on the thread pool.
            _deviceFlush = new Timer(_ => _ = FlushInBackgroundAsync(), null, interval, interval);
        }
    }

    /// <inheritdoc />
    public async Task<IBudgetJournal> OpenAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(_directory);
        var journal = await Task.Run(() => FileBudgetJournal.Open(_directory, Uri.EscapeDataString(tenantId), _flushes, _durability), cancellationToken);
        if (_durability == BudgetDurability.Process)
        {
            lock (_journals)
            {
                _journals.RemoveAll(j => !j.TryGetTarget(out var open) || open.IsClosed);
                _journals.Add(new WeakReference<FileBudgetJournal>(journal));
            }
        }

        return journal;
    }

    /// <summary>Flushes every journal written since its last flush to the device.</summary>
    public void FlushToDevice()
    {
        FileBudgetJournal[] journals;
        lock (_journals)
        {
            journals = [.. _journals.Select(j => j.TryGetTarget(out var open) ? open : null).OfType<FileBudgetJournal>()];
        }

        foreach (var journal in journals)
        {
            journal.FlushToDeviceIfDirty();
        }
    }

    private async Task FlushInBackgroundAsync()
    {
        try
        {
            await _flushes.RunAsync(FlushToDevice);
        }
        catch (ObjectDisposedException)
        {
            // Stopping: Dispose flushes once more itself.
        }
        catch (Exception exception)
        {
            // The next tick tries again; spend already acknowledged stays in the page cache until then.
            LogDeviceFlushFailed(_logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Flushing budget journals to the device failed; retrying on the next tick")]
    private static partial void LogDeviceFlushFailed(ILogger logger, Exception exception);

    /// <inheritdoc />
    public void Dispose()
    {
        _deviceFlush?.Dispose();
        FlushToDevice();
        _flushes.Dispose();
    }
}
