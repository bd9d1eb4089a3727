using System.Collections.Immutable;

namespace Switchyard.Routing;

/// <summary>A task type's current plan, its per-tier counts and what its router has learned.</summary>
/// <param name="Plan">The best known plan (exploration steps aside).</param>
/// <param name="Tiers">Calls, acceptances and escalations per tier.</param>
/// <param name="Learning">Per tier and confidence band, how often answers were right.</param>
/// <param name="QualityTarget">The accuracy kept, as a share of the best tier's.</param>
/// <param name="Pinned">True when the policy is pinned and does not learn.</param>
/// <param name="ExpectedAccuracy">The plan's estimated accuracy.</param>
/// <param name="ExpectedCostUsd">The plan's estimated cost per request.</param>
/// <param name="StateBytes">The size of the router's learned state: fixed, however long it learns.</param>
/// <param name="QualityGroup">The quality group the task type shares its target with; null when it holds its own.</param>
/// <param name="AllocatedQualityTarget">
/// The share of its best tier's accuracy the group allocated it, which its policy holds instead of
/// <paramref name="QualityTarget"/>; null until the group has heard from it, or outside a group.
/// </param>
/// <param name="PricePerErrorUsd">The group's shared price of an error behind that allocation; null without one.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.routing.RouterSnapshot")]
public sealed record RouterSnapshot(
    [property: Id(0)] RoutePlan Plan,
    [property: Id(1)] ImmutableArray<TierStatistics> Tiers,
    [property: Id(2)] ImmutableArray<TierLearningStatistics> Learning = default,
    [property: Id(3)] double QualityTarget = 0,
    [property: Id(4)] bool Pinned = false,
    [property: Id(5)] double ExpectedAccuracy = 0,
    [property: Id(6)] decimal ExpectedCostUsd = 0m,
    [property: Id(7)] int StateBytes = 0,
    [property: Id(8)] string? QualityGroup = null,
    [property: Id(9)] double? AllocatedQualityTarget = null,
    [property: Id(10)] double? PricePerErrorUsd = null);
