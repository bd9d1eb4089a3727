namespace Switchyard.Routing;

/// <summary>The persisted state of a task router grain.</summary>
[GenerateSerializer]
[Alias("switchyard.routing.RouterState")]
public sealed class RouterState
{
    /// <summary>Counts by tier.</summary>
    [Id(0)] public Dictionary<ModelTier, TierCounts> Tiers { get; set; } = [];

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

    /// <summary>The counts as contract records, cheapest tier first.</summary>
    public IEnumerable<TierStatistics> ToStatistics() => Tiers
        .OrderBy(t => t.Key)
        .Select(t => new TierStatistics(t.Key, t.Value.Calls, t.Value.Accepted, t.Value.Escalated));
}
