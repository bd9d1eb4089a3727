using Orleans.Concurrency;

namespace Switchyard.Routing;

/// <summary>
/// Decides how one task type's requests are routed and counts what happens to them
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

    /// <summary>The plan and the per-tier statistics.</summary>
    [ReadOnly, Alias("GetSnapshot")]
    Task<RouterSnapshot> GetSnapshot();
}
