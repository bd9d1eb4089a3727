namespace Switchyard.Routing;

/// <summary>What one arm of a canary has served and learned.</summary>
/// <param name="Requests">Requests routed by the arm.</param>
/// <param name="Right">Served answers known to be right (feedback, audits).</param>
/// <param name="Wrong">Served answers known to be wrong.</param>
/// <param name="ErrorRate">Wrong / (right + wrong); null before the first label.</param>
/// <param name="CostUsd">What the arm's requests cost in total.</param>
/// <param name="CostUsdPerCall">The mean cost of one of its requests; null before the first.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.routing.CanaryArmReport")]
public sealed record CanaryArmReport(
    [property: Id(0)] long Requests,
    [property: Id(1)] long Right,
    [property: Id(2)] long Wrong,
    [property: Id(3)] double? ErrorRate,
    [property: Id(4)] decimal CostUsd,
    [property: Id(5)] decimal? CostUsdPerCall);
