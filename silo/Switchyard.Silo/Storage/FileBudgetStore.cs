using Switchyard.Budget;

namespace Switchyard.Silo.Storage;

/// <summary>
/// Budgets on local disk, under <c>budget/</c> in the data directory: per tenant a snapshot file
/// (<c>&lt;tenant&gt;.snapshot</c>) and the journal that follows it (<c>&lt;tenant&gt;.&lt;generation&gt;.journal</c>).
/// </summary>
public sealed class FileBudgetStore(string rootDirectory) : IBudgetStore, IDisposable
{
    // Enough parallel flushes for the file system to group them, few enough to stay cheap.
    private const int FlushThreads = 16;

    private readonly string _directory = Path.Combine(Path.GetFullPath(rootDirectory), "budget");
    private readonly DeviceFlushQueue _flushes = new(FlushThreads);

    /// <inheritdoc />
    public async Task<IBudgetJournal> OpenAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(_directory);
        return await Task.Run(() => FileBudgetJournal.Open(_directory, Uri.EscapeDataString(tenantId), _flushes), cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _flushes.Dispose();
}
