namespace Switchyard.Budget;

/// <summary>A tenant's budget for the current period.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="Period">The period, as <c>yyyy-MM</c> in UTC.</param>
/// <param name="CapUsd">The monthly cap.</param>
/// <param name="SpentUsd">Settled spend in the period.</param>
/// <param name="HeldUsd">Reserved for calls in flight.</param>
/// <param name="SettledRequests">How many request ids were settled in the period.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.budget.BudgetSnapshot")]
public sealed record BudgetSnapshot(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string Period,
    [property: Id(2)] decimal CapUsd,
    [property: Id(3)] decimal SpentUsd,
    [property: Id(4)] decimal HeldUsd,
    [property: Id(5)] int SettledRequests)
{
    /// <summary>What may still be reserved.</summary>
    public decimal RemainingUsd => Math.Max(0m, CapUsd - SpentUsd - HeldUsd);
}
