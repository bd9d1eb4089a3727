namespace Switchyard.Budget;

/// <summary>
/// One tenant's open budget storage, owned by the tenant's budget grain activation, which calls it
/// one operation at a time.
/// </summary>
public interface IBudgetJournal : IAsyncDisposable
{
    /// <summary>The last snapshot, or null when there is none.</summary>
    BudgetState? Snapshot { get; }

    /// <summary>The entries recorded after <see cref="Snapshot"/>, oldest first.</summary>
    IReadOnlyList<BudgetEntry> Entries { get; }

    /// <summary>How many entries the journal holds beyond the snapshot.</summary>
    int Length { get; }

    /// <summary>Appends <paramref name="entries"/>; they are durable when the task completes.</summary>
    Task AppendAsync(IReadOnlyList<BudgetEntry> entries);

    /// <summary>
    /// Replaces the snapshot with <paramref name="state"/> and empties the journal; durable when the task
    /// completes. The state is read before the method first yields, so the caller may change it afterwards.
    /// </summary>
    Task WriteSnapshotAsync(BudgetState state);
}
