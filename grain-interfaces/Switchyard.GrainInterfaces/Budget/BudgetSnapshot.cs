namespace Switchyard.Budget;

/// <summary>A tenant's budget for the current period.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="Period">The period, as <c>yyyy-MM</c> in UTC.</param>
/// <param name="CapUsd">The monthly cap.</param>
/// <param name="SpentUsd">Settled spend in the period.</param>
/// <param name="HeldUsd">Reserved for calls in flight.</param>
/// <param name="SettledRequests">How many request ids were settled in the period.</param>
/// <param name="Day">The current day, as <c>yyyy-MM-dd</c> in UTC.</param>
/// <param name="DaySpentUsd">Settled spend in <paramref name="Day"/>.</param>
/// <param name="DailyCapUsd">The daily cap; null when there is none.</param>
/// <param name="Hard">True when the caps refuse; false when they only flag.</param>
/// <param name="AlertsFired">The alerts fired in the period, sorted by name.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.budget.BudgetSnapshot")]
public sealed record BudgetSnapshot(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string Period,
    [property: Id(2)] decimal CapUsd,
    [property: Id(3)] decimal SpentUsd,
    [property: Id(4)] decimal HeldUsd,
    [property: Id(5)] int SettledRequests,
    [property: Id(6)] string Day = "",
    [property: Id(7)] decimal DaySpentUsd = 0m,
    [property: Id(8)] decimal? DailyCapUsd = null,
    [property: Id(9)] bool Hard = true,
    [property: Id(10)] IReadOnlyList<string>? AlertsFired = null)
{
    /// <summary>What may still be reserved under the tightest cap.</summary>
    public decimal RemainingUsd => Math.Max(0m, Math.Min(
        CapUsd - SpentUsd - HeldUsd,
        DailyCapUsd is { } daily ? daily - DaySpentUsd - HeldUsd : decimal.MaxValue));
}
