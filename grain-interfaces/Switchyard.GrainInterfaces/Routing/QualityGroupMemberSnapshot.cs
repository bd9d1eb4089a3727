namespace Switchyard.Routing;

/// <summary>One member of a quality group as the group last heard of it.</summary>
/// <param name="TaskType">The member's task type.</param>
/// <param name="Weight">Its share of the group's recent traffic, as a decayed request count.</param>
/// <param name="BestAccuracy">Its best single tier's learned accuracy.</param>
/// <param name="AllocatedAccuracy">The expected accuracy of the cascade allocated to it.</param>
/// <param name="AllocatedQualityTarget">That accuracy as a share of <paramref name="BestAccuracy"/>.</param>
/// <param name="ExpectedCostUsd">The expected cost per request of the cascade allocated to it.</param>
/// <param name="FrontierPoints">How many cascades it reported on its frontier.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.routing.QualityGroupMemberSnapshot")]
public sealed record QualityGroupMemberSnapshot(
    [property: Id(0)] string TaskType,
    [property: Id(1)] double Weight,
    [property: Id(2)] double BestAccuracy,
    [property: Id(3)] double AllocatedAccuracy,
    [property: Id(4)] double AllocatedQualityTarget,
    [property: Id(5)] double ExpectedCostUsd,
    [property: Id(6)] int FrontierPoints);
