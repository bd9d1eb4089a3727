namespace Switchyard.Budget;

/// <summary>The answer to <see cref="ITenantBudgetGrain.Reserve"/>.</summary>
/// <param name="Status">Whether the hold was granted.</param>
/// <param name="HeldUsd">The total now held for this request.</param>
/// <param name="RemainingUsd">What may still be reserved under the tightest cap, after this call.</param>
/// <param name="Reason">Why a reservation was refused or downgraded; empty otherwise.</param>
/// <param name="OverSoftCap">True when a soft cap let the hold go past the cap.</param>
/// <param name="HardCap">True when the tenant's caps are hard: the call must not cost more than is held plus <paramref name="RemainingUsd"/>.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.budget.ReservationResult")]
public sealed record ReservationResult(
    [property: Id(0)] ReservationStatus Status,
    [property: Id(1)] decimal HeldUsd,
    [property: Id(2)] decimal RemainingUsd,
    [property: Id(3)] string Reason,
    [property: Id(4)] bool OverSoftCap = false,
    [property: Id(5)] bool HardCap = false)
{
    /// <summary>True when the call may go ahead.</summary>
    public bool IsGranted => Status == ReservationStatus.Reserved;
}
