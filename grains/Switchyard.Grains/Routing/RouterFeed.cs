namespace Switchyard.Routing;

/// <summary>
/// Where a request's outcomes and labels go: to the router that planned it, and — when that was a
/// tenant's own router — to the task type's router too, without the canary tag (a canary belongs to
/// the router that runs it). A canary candidate's answers teach only the router that runs the canary.
/// </summary>
public static class RouterFeed
{
    /// <summary>The routers <paramref name="observation"/> goes to, each with the tag it should carry.</summary>
    public static IEnumerable<(string RouterKey, RouteObservation Observation)> Routes(string routerKey, string taskType, RouteObservation observation)
    {
        yield return (routerKey, observation);
        var global = GrainKeys.Router(taskType);
        if (routerKey != global && observation.Canary is not { Candidate: true })
        {
            yield return (global, observation with { Canary = null });
        }
    }

    /// <summary>Queues <paramref name="outcome"/> for the planning router and, for a tenant's router, the task type's.</summary>
    public static void Outcome(RouterOutcomeAggregator outcomes, string routerKey, string taskType, RouteOutcome outcome)
    {
        outcomes.AddTo(routerKey, outcome);
        var global = GrainKeys.Router(taskType);
        if (routerKey != global && outcome.Canary is not { Candidate: true })
        {
            outcomes.AddTo(global, outcome with { Canary = null });
        }
    }

    /// <summary>Queues a later label for the planning router and, for a tenant's router, the task type's.</summary>
    public static void Label(RouterOutcomeAggregator outcomes, string routerKey, string taskType, RouteObservation label)
    {
        foreach (var (key, observation) in Routes(routerKey, taskType, label))
        {
            outcomes.AddTo(key, observation);
        }
    }
}
