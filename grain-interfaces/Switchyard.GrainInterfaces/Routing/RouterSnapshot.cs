using System.Collections.Immutable;

namespace Switchyard.Routing;

/// <summary>A task type's current plan and its per-tier statistics.</summary>
[GenerateSerializer, Immutable]
[Alias("switchyard.routing.RouterSnapshot")]
public sealed record RouterSnapshot(
    [property: Id(0)] RoutePlan Plan,
    [property: Id(1)] ImmutableArray<TierStatistics> Tiers);
