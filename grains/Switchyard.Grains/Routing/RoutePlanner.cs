namespace Switchyard.Routing;

/// <summary>Turns the configured policy of a task type into a <see cref="RoutePlan"/>.</summary>
public static class RoutePlanner
{
    /// <summary>The plan for <paramref name="taskType"/> under <paramref name="options"/>.</summary>
    public static RoutePlan PlanFor(string taskType, RoutingOptions options)
    {
        var policy = options.TaskTypes.GetValueOrDefault(taskType) ?? options.Default;
        var maxTier = policy.MaxTier < policy.StartTier ? policy.StartTier : policy.MaxTier;
        return new RoutePlan(taskType, policy.StartTier, maxTier, Math.Clamp(policy.AcceptConfidence, 0, 1), Thresholds: [], Sequence: []);
    }
}
