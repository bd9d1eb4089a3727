namespace Switchyard.Ledger;

/// <summary>The ledger's settings, bound from <c>Switchyard:Ledger</c>.</summary>
public sealed class LedgerOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Switchyard:Ledger";

    /// <summary>
    /// A PostgreSQL connection string (Npgsql format). When set, the ledger is the <c>api_calls</c> table
    /// there (created if missing); when not, the ledger is JSON lines under the data directory. Default: none.
    /// </summary>
    public string? PostgreSQL { get; set; }

    /// <summary>The most rows written in one batch. Default: 1,000.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>How long a row may wait to be written when traffic is light. Default: 1 second.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Rows kept in memory while the store is unavailable (each about 300 bytes). Beyond it, new rows
    /// are counted as dropped and logged. Default: 1,000,000.
    /// </summary>
    public int BufferCapacity { get; set; } = 1_000_000;

    /// <summary>The longest wait between two attempts to write a batch the store refused. Default: 5 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
