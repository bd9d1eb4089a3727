namespace Switchyard.Budget;

/// <summary>How budget grains treat holds and retries, bound from <c>Switchyard:Budget</c>.</summary>
public sealed class BudgetOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Switchyard:Budget";

    /// <summary>How long a hold lives without a settle before it is released. Default: 10 minutes.</summary>
    public TimeSpan HoldTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a settled request id is remembered, so a retry charges nothing. Default: 24 hours.</summary>
    public TimeSpan IdempotencyWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The fewest journal entries after which the state is written as a snapshot and the journal emptied;
    /// a larger state waits for as many entries as it has requests, so a snapshot costs at most one
    /// entry's worth of writing per change. Default: 10000.
    /// </summary>
    public int SnapshotEvery { get; set; } = 10_000;
}
