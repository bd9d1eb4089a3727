namespace Switchyard.Budget;

/// <summary>The persisted state of a tenant's budget grain. Ids are never renumbered.</summary>
[GenerateSerializer]
[Alias("switchyard.budget.BudgetState")]
public sealed class BudgetState
{
    /// <summary>The calendar month (UTC) the spend belongs to, as <c>yyyy-MM</c>.</summary>
    [Id(0)] public string Period { get; set; } = "";

    /// <summary>Settled spend in <see cref="Period"/>.</summary>
    [Id(1)] public decimal SpentUsd { get; set; }

    /// <summary>Holds of calls in flight, by request id.</summary>
    [Id(2)] public Dictionary<string, BudgetHold> Holds { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Recently settled request ids, kept for the idempotency window.</summary>
    [Id(3)] public Dictionary<string, SettledRequest> Settled { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Settles ever recorded in <see cref="Period"/>.</summary>
    [Id(4)] public int SettledInPeriod { get; set; }

    /// <summary>The UTC day the daily spend belongs to, as <c>yyyy-MM-dd</c>.</summary>
    [Id(5)] public string Day { get; set; } = "";

    /// <summary>Settled spend in <see cref="Day"/>.</summary>
    [Id(6)] public decimal DaySpentUsd { get; set; }

    /// <summary>The alerts already fired in <see cref="Period"/>, so each fires once per period.</summary>
    [Id(7)] public HashSet<string> AlertsFired { get; set; } = new(StringComparer.Ordinal);
}
