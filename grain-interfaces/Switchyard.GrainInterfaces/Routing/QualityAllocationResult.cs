namespace Switchyard.Routing;

/// <summary>The operating point a quality group allocates to one member.</summary>
/// <param name="Group">The group.</param>
/// <param name="QualityTarget">The group's target: the share of its members' best accuracy kept over their traffic mix.</param>
/// <param name="PricePerErrorUsd">
/// The shared price of an error (USD per expected error avoided per request): every member runs the
/// cascade that minimises cost − price × accuracy.
/// </param>
/// <param name="AllocatedQualityTarget">The share of its own best tier's accuracy this member is to keep.</param>
/// <param name="Feasible">False when even every member's most accurate cascade misses the group's target.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.routing.QualityAllocationResult")]
public sealed record QualityAllocationResult(
    [property: Id(0)] string Group,
    [property: Id(1)] double QualityTarget,
    [property: Id(2)] double PricePerErrorUsd,
    [property: Id(3)] double AllocatedQualityTarget,
    [property: Id(4)] bool Feasible);
