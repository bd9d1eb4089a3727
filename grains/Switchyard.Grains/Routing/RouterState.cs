using Switchyard.Routing.Canary;
using Switchyard.Routing.Learning;

namespace Switchyard.Routing;

/// <summary>The persisted state of a task router grain.</summary>
[GenerateSerializer]
[Alias("switchyard.routing.RouterState")]
public sealed class RouterState
{
    /// <summary>Counts by tier.</summary>
    [Id(0)] public Dictionary<ModelTier, TierCounts> Tiers { get; set; } = [];

    /// <summary>
    /// What has been learned about each tier on the requests it was tried first on, by tier index
    /// (<see cref="ModelTier"/>): fixed size.
    /// </summary>
    [Id(1)] public TierLearning[] Learning { get; set; } = [.. Enum.GetValues<ModelTier>().Select(_ => new TierLearning())];

    /// <summary>
    /// What has been learned about each tier on the requests it was escalated to (the harder ones),
    /// by tier index: fixed size.
    /// </summary>
    [Id(3)] public TierLearning[] Escalated { get; set; } = [.. Enum.GetValues<ModelTier>().Select(_ => new TierLearning())];

    /// <summary>Settings an operator changed through the admin API; null: as configured.</summary>
    [Id(2)] public RouterSettings? Settings { get; set; }

    /// <summary>The running canary, if any.</summary>
    [Id(4)] public CanaryState? Canary { get; set; }

    /// <summary>How many canaries this task type has started: the next one's number.</summary>
    [Id(5)] public int CanaryGenerations { get; set; }

    /// <summary>The remembered requests, when the router keeps them (<see cref="RoutingOptions.NeighbourMemory"/>); null otherwise.</summary>
    [Id(6)] public NeighbourMemory? Neighbours { get; set; }

    /// <summary>The size of the learned state in bytes, independent of how much traffic it has seen.</summary>
    public int SizeInBytes =>
        ((Learning.Length + Escalated.Length) * TierLearning.SizeInBytes) + (Tiers.Count * 3 * sizeof(long)) + (Canary is null ? 0 : CanaryState.SizeInBytes)
        + (Neighbours?.SizeInBytes ?? 0);

    /// <summary>Adds one request's outcome to the counts.</summary>
    public void Apply(RouteOutcome outcome)
    {
        foreach (var attempt in outcome.Attempts)
        {
            if (!Tiers.TryGetValue(attempt.Tier, out var counts))
            {
                Tiers[attempt.Tier] = counts = new TierCounts();
            }

            counts.Calls++;
            if (attempt.Accepted)
            {
                counts.Accepted++;
            }
            else
            {
                counts.Escalated++;
            }
        }
    }

    /// <summary>Adds observations to the learning.</summary>
    public void Learn(IEnumerable<RouteObservation> observations)
    {
        foreach (var observation in observations)
        {
            (observation.Escalated ? Escalated : Learning)[(int)observation.Tier].Add(observation);
        }
    }

    /// <summary>The counts as contract records, cheapest tier first.</summary>
    public IEnumerable<TierStatistics> ToStatistics() => Tiers
        .OrderBy(t => t.Key)
        .Select(t => new TierStatistics(t.Key, t.Value.Calls, t.Value.Accepted, t.Value.Escalated));
}
