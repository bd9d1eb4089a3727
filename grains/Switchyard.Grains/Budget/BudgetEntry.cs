namespace Switchyard.Budget;

/// <summary>
/// One change to a tenant's money, as the journal keeps it. Replaying the entries of a journal over the
/// snapshot they follow rebuilds the state; every entry is idempotent, so replaying one twice is harmless.
/// </summary>
/// <param name="Kind">What changed.</param>
/// <param name="RequestId">The request it changed.</param>
/// <param name="AmountUsd">The total held (<see cref="BudgetEntryKind.Hold"/>) or charged (<see cref="BudgetEntryKind.Settle"/>).</param>
/// <param name="At">When it happened; holds expire <see cref="BudgetOptions.HoldTimeout"/> after it.</param>
public readonly record struct BudgetEntry(BudgetEntryKind Kind, string RequestId, decimal AmountUsd, DateTimeOffset At);
