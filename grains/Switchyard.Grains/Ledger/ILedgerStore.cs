namespace Switchyard.Ledger;

/// <summary>Where the ledger's rows are kept: local files, PostgreSQL, or memory.</summary>
public interface ILedgerStore
{
    /// <summary>
    /// Writes a batch. Throws when the store is unavailable; the caller keeps the batch and retries, so
    /// writing the same batch again must not count its rows twice (rows carry unique ids).
    /// </summary>
    Task WriteAsync(IReadOnlyList<ApiCall> batch, CancellationToken cancellationToken);

    /// <summary>Calls, tokens and cost per model over one UTC day, for every tenant or one.</summary>
    Task<DailyReport> DailyAsync(DateOnly date, string? tenantId, CancellationToken cancellationToken);
}
