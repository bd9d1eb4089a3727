using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Switchyard.Routing;

/// <summary>
/// How a task type's requests are routed: start on <see cref="StartTier"/>, accept an answer whose
/// confidence is at least <see cref="AcceptConfidence"/>, otherwise escalate one tier at a time up to
/// <see cref="MaxTier"/>. The answer of the last tier is always accepted.
/// </summary>
/// <param name="TaskType">The task type this plan is for.</param>
/// <param name="StartTier">The first tier tried.</param>
/// <param name="MaxTier">The highest tier an escalation may reach.</param>
/// <param name="AcceptConfidence">The lowest confidence accepted without escalating, in [0, 1].</param>
/// <param name="Thresholds">
/// Learned accept thresholds by tier (index = <see cref="ModelTier"/>); empty means
/// <paramref name="AcceptConfidence"/> for every tier.
/// </param>
/// <param name="Exploring">True when this plan is an exploration step rather than the best known policy.</param>
/// <param name="Sequence">
/// The tiers tried, in order, when the plan skips some (for example cheap, then frontier); empty
/// means every tier from <paramref name="StartTier"/> to <paramref name="MaxTier"/>.
/// </param>
/// <param name="Model">A model that answers alone, when the policy names one (a promoted or canary model).</param>
/// <param name="Canary">The canary arm this plan belongs to, while the task type runs a canary.</param>
/// <param name="NeighbourAccuracy">
/// For a plan made for one query: by tier index, the share of the nearest earlier queries that the
/// tier answered right, or a negative number when too few are known; empty when not estimated.
/// </param>
[GenerateSerializer, Immutable]
[Alias("switchyard.routing.RoutePlan")]
public sealed record RoutePlan(
    [property: Id(0)] string TaskType,
    [property: Id(1)] ModelTier StartTier,
    [property: Id(2)] ModelTier MaxTier,
    [property: Id(3)] double AcceptConfidence,
    [property: Id(4)] ImmutableArray<double> Thresholds = default,
    [property: Id(5)] bool Exploring = false,
    [property: Id(6)] ImmutableArray<ModelTier> Sequence = default,
    [property: Id(7)] string? Model = null,
    [property: Id(8)] CanaryTag? Canary = null,
    [property: Id(9), JsonIgnore] ImmutableArray<double> NeighbourAccuracy = default)
{
    /// <summary>How often the nearest earlier queries were answered right by <paramref name="tier"/>; null when not known.</summary>
    public double? NeighbourAccuracyFor(ModelTier tier) =>
        NeighbourAccuracy.IsDefaultOrEmpty || (int)tier >= NeighbourAccuracy.Length || NeighbourAccuracy[(int)tier] < 0
            ? null
            : NeighbourAccuracy[(int)tier];

    /// <summary>The lowest confidence accepted from <paramref name="tier"/> without escalating.</summary>
    public double AcceptConfidenceFor(ModelTier tier) =>
        Thresholds.IsDefaultOrEmpty || (int)tier >= Thresholds.Length ? AcceptConfidence : Thresholds[(int)tier];

    /// <summary>The tiers in the order they may be tried.</summary>
    public IEnumerable<ModelTier> Tiers()
    {
        if (!Sequence.IsDefaultOrEmpty)
        {
            foreach (var tier in Sequence)
            {
                yield return tier;
            }

            yield break;
        }

        for (var tier = StartTier; tier <= MaxTier; tier++)
        {
            yield return tier;
        }
    }
}
