namespace Switchyard.Budget;

/// <summary>The answer to <see cref="ITenantBudgetGrain.Settle"/>.</summary>
/// <param name="ChargedUsd">What this request id is charged in total (the first settle's amount).</param>
/// <param name="WasDuplicate">True when the request id had already been settled and nothing more was charged.</param>
/// <param name="SpentUsd">The period's spend after this call.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.budget.SettlementResult")]
public sealed record SettlementResult(
    [property: Id(0)] decimal ChargedUsd,
    [property: Id(1)] bool WasDuplicate,
    [property: Id(2)] decimal SpentUsd);
