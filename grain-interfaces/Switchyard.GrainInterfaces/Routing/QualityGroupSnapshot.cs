using System.Collections.Immutable;

namespace Switchyard.Routing;

/// <summary>A quality group's current allocation over the members it has heard from.</summary>
/// <param name="Group">The group.</param>
/// <param name="QualityTarget">The share of the members' best accuracy to keep over their traffic mix.</param>
/// <param name="PricePerErrorUsd">The shared price of an error the allocation settled on.</param>
/// <param name="ExpectedQualityShare">The allocation's expected accuracy over the mix, as a share of the best tiers'.</param>
/// <param name="ExpectedCostUsd">The allocation's expected cost per request over the mix.</param>
/// <param name="Feasible">False when even every member's most accurate cascade misses the target.</param>
/// <param name="Members">The members, by task type.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.routing.QualityGroupSnapshot")]
public sealed record QualityGroupSnapshot(
    [property: Id(0)] string Group,
    [property: Id(1)] double QualityTarget,
    [property: Id(2)] double PricePerErrorUsd,
    [property: Id(3)] double ExpectedQualityShare,
    [property: Id(4)] double ExpectedCostUsd,
    [property: Id(5)] bool Feasible,
    [property: Id(6)] ImmutableArray<QualityGroupMemberSnapshot> Members);
