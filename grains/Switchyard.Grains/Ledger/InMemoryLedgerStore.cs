using System.Collections.Concurrent;

namespace Switchyard.Ledger;

/// <summary>
/// Ledger rows kept in this process's memory, for offline evaluation where nothing must outlive the run.
/// </summary>
public sealed class InMemoryLedgerStore : ILedgerStore
{
    private readonly ConcurrentDictionary<Guid, ApiCall> _calls = new();

    /// <summary>Every row written so far.</summary>
    public IReadOnlyCollection<ApiCall> Calls => [.. _calls.Values];

    /// <inheritdoc />
    public Task WriteAsync(IReadOnlyList<ApiCall> batch, CancellationToken cancellationToken)
    {
        foreach (var call in batch)
        {
            _calls.TryAdd(call.Id, call);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<DailyReport> DailyAsync(DateOnly date, string? tenantId, CancellationToken cancellationToken) =>
        Task.FromResult(DailyReport.Aggregate(date, _calls.Values.Where(c =>
            DateOnly.FromDateTime(c.At.UtcDateTime) == date && (tenantId is null || c.TenantId == tenantId))));
}
