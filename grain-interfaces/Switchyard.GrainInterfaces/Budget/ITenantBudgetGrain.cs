using Switchyard.Routing;

namespace Switchyard.Budget;

/// <summary>
/// The single writer of one tenant's money (key: tenant id, see <see cref="GrainKeys.Budget"/>).
/// A caller reserves an estimate before a provider call and settles the real cost after it.
/// Every operation is keyed by request id, so retries never charge twice.
/// </summary>
[Alias("switchyard.budget.ITenantBudgetGrain")]
public interface ITenantBudgetGrain : IGrainWithStringKey
{
    /// <summary>
    /// Holds <paramref name="estimateUsd"/> for <paramref name="requestId"/>. Reserving again for the same
    /// request with a larger total (an escalation) holds only the increment; with the same or a smaller
    /// total it changes nothing. Refused when spend, other holds and the increment would pass a hard cap,
    /// or when the total passes the per-request maximum; <see cref="ReservationStatus.Downgraded"/> when
    /// <paramref name="tier"/> is frontier and the remaining budget is below the downgrade amount.
    /// The hold is durable before this returns.
    /// </summary>
    [Alias("Reserve")]
    Task<ReservationResult> Reserve(string requestId, decimal estimateUsd, ModelTier tier);

    /// <summary>
    /// Charges <paramref name="actualUsd"/> for <paramref name="requestId"/> and drops its hold. The state is
    /// durable before this returns. Settling a request id a second time charges nothing.
    /// </summary>
    [Alias("Settle")]
    Task<SettlementResult> Settle(string requestId, decimal actualUsd);

    /// <summary>Drops the hold of a request that will not be charged (its provider call failed).</summary>
    [Alias("Release")]
    Task Release(string requestId);

    /// <summary>The current period's spend, holds and cap.</summary>
    [Alias("GetSnapshot")]
    Task<BudgetSnapshot> GetSnapshot();
}
