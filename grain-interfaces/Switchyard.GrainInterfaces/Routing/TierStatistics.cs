namespace Switchyard.Routing;

/// <summary>Counts for one tier of one task type.</summary>
/// <param name="Tier">The tier.</param>
/// <param name="Calls">Answers this tier gave.</param>
/// <param name="Accepted">Answers served as they were.</param>
/// <param name="Escalated">Answers whose low confidence sent the request to the next tier.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.routing.TierStatistics")]
public sealed record TierStatistics(
    [property: Id(0)] ModelTier Tier,
    [property: Id(1)] long Calls,
    [property: Id(2)] long Accepted,
    [property: Id(3)] long Escalated);
