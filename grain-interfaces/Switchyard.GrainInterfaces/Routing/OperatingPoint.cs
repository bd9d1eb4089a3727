namespace Switchyard.Routing;

/// <summary>One cascade a router could run, as the quality group sees it: what it keeps and what it costs.</summary>
/// <param name="Accuracy">The cascade's expected share of right answers.</param>
/// <param name="CostUsd">Its expected cost per request, in USD.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.routing.OperatingPoint")]
public sealed record OperatingPoint(
    [property: Id(0)] double Accuracy,
    [property: Id(1)] double CostUsd);
