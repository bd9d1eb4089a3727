namespace Switchyard.Budget;

/// <summary>The caps and rules a tenant's budget enforces. Amounts are USD.</summary>
/// <param name="MonthlyCapUsd">The most that may be spent in a calendar month (UTC).</param>
/// <param name="DailyCapUsd">The most that may be spent in a UTC day; null for no daily cap.</param>
/// <param name="Hard">True: a reservation past a cap is refused. False (soft): it is allowed and flagged.</param>
/// <param name="MaxRequestUsd">The most one request may reserve in total; null for no maximum.</param>
/// <param name="DowngradeBelowUsd">Below this remaining amount the frontier tier is not allowed; null to never downgrade.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.budget.BudgetLimits")]
public sealed record BudgetLimits(
    [property: Id(0)] decimal MonthlyCapUsd,
    [property: Id(1)] decimal? DailyCapUsd = null,
    [property: Id(2)] bool Hard = true,
    [property: Id(3)] decimal? MaxRequestUsd = null,
    [property: Id(4)] decimal? DowngradeBelowUsd = null)
{
    /// <summary>Limits that allow nothing: the budget of a tenant that is not configured.</summary>
    public static BudgetLimits None { get; } = new(0m);
}
