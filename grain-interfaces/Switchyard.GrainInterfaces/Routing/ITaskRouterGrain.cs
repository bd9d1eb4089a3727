using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Switchyard.Routing;

/// <summary>
/// Decides how one task type's requests are routed and learns from what happens to them
/// (key: task type, see <see cref="GrainKeys.Router"/>).
/// </summary>
[Alias("switchyard.routing.ITaskRouterGrain")]
public interface ITaskRouterGrain : IGrainWithStringKey
{
    /// <summary>The plan for the next request. Reads interleave with each other.</summary>
    [ReadOnly, Alias("GetPlan")]
    Task<RoutePlan> GetPlan();

    /// <summary>
    /// The plan for the next request of an end user in <paramref name="cohort"/> (a stable hash of
    /// the user, in [0, <see cref="CanaryCohorts.Count"/>)): while a canary runs, its share of the
    /// cohorts is routed by the candidate. Reads interleave with each other.
    /// </summary>
    [ReadOnly, Alias("GetPlanFor")]
    Task<RoutePlan> GetPlanFor(int cohort);

    /// <summary>
    /// As <see cref="GetPlanFor(int)"/>, for one query with <paramref name="signature"/> (a hashed
    /// feature vector of its text): when the router remembers earlier queries, the plan also carries,
    /// per tier, how often the most similar of them were answered right by that tier.
    /// </summary>
    [ReadOnly, Alias("GetPlanForQuery")]
    Task<RoutePlan> GetPlanForQuery(int cohort, ImmutableArray<sbyte> signature);

    /// <summary>
    /// Records a finished request. One-way: the caller does not wait for it, so learning never adds
    /// latency to a response. Counts are written to storage in batches.
    /// </summary>
    [OneWay, Alias("RecordOutcome")]
    Task RecordOutcome(RouteOutcome outcome);

    /// <summary>
    /// Records a batch of finished requests, pre-aggregated by a silo off the request path (one
    /// message per task type per flush instead of one per request).
    /// </summary>
    [Alias("RecordOutcomes")]
    Task RecordOutcomes(ImmutableArray<RouteOutcome> outcomes);

    /// <summary>
    /// Learns from a batch of observations (calls, escalation agreements, audits, feedback), usually
    /// pre-aggregated by a silo. Returns once they are applied.
    /// </summary>
    [Alias("Learn")]
    Task Learn(ImmutableArray<RouteObservation> observations);

    /// <summary>Changes the quality target, pin or tier range; returns the resulting snapshot.</summary>
    [Alias("Configure")]
    Task<RouterSnapshot> Configure(RouterSettings settings);

    /// <summary>
    /// Starts routing <paramref name="share"/> of the end users to <paramref name="candidate"/> (laid
    /// over the current settings), replacing any running canary. Null when the task type is unknown
    /// (not configured and never routed).
    /// </summary>
    [Alias("StartCanary")]
    Task<CanaryReport?> StartCanary(RouterSettings candidate, double share);

    /// <summary>True when the task type is configured, or has been routed or configured through the API.</summary>
    [ReadOnly, Alias("IsKnown")]
    Task<bool> IsKnown();

    /// <summary>The running canary, or null when there is none.</summary>
    [ReadOnly, Alias("GetCanary")]
    Task<CanaryReport?> GetCanary();

    /// <summary>Makes the candidate the task type's policy and ends the canary; null when none runs.</summary>
    [Alias("PromoteCanary")]
    Task<CanaryReport?> PromoteCanary();

    /// <summary>Ends the canary and routes every user by the current policy again; null when none runs.</summary>
    [Alias("RollbackCanary")]
    Task<CanaryReport?> RollbackCanary();

    /// <summary>The plan, the per-tier statistics and what has been learned.</summary>
    [ReadOnly, Alias("GetSnapshot")]
    Task<RouterSnapshot> GetSnapshot();
}
