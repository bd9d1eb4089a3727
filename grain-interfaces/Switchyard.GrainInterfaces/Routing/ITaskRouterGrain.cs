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

    /// <summary>The plan, the per-tier statistics and what has been learned.</summary>
    [ReadOnly, Alias("GetSnapshot")]
    Task<RouterSnapshot> GetSnapshot();
}
