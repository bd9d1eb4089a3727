using Switchyard.Budget;

namespace Switchyard.Silo.Storage;

/// <summary>What a budget snapshot file holds: the state, and the generation of the journal that follows it.</summary>
/// <param name="Generation">The generation of the journal whose entries come after <paramref name="State"/>.</param>
/// <param name="State">The budget's state.</param>
public sealed record BudgetSnapshotFile(long Generation, BudgetState State);
