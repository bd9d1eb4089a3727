namespace Switchyard.Routing;

/// <summary>
/// One thing a router learns from: a tier answered with some confidence, and — when it is known —
/// whether the answer was right.
/// </summary>
/// <param name="Tier">The tier that answered.</param>
/// <param name="Confidence">The answer's raw confidence, in [0, 1].</param>
/// <param name="Label">Whether the answer was right, when known.</param>
/// <param name="IsCall">True when this observation is the call itself (counted once per answer); false for a later label.</param>
/// <param name="CostUsd">What the call cost (zero for a later label).</param>
/// <param name="Escalated">True when the tier was reached by escalation (its questions are the harder ones).</param>
/// <param name="Canary">The canary arm of the request, if any; a label with one also counts for that arm.</param>
/// <param name="Served">True when the label is about the answer that was served (feedback, audit).</param>
/// <param name="RequestId">The request a later label is about, when known: it also labels the router's memory of that request.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.routing.RouteObservation")]
public sealed record RouteObservation(
    [property: Id(0)] ModelTier Tier,
    [property: Id(1)] double Confidence,
    [property: Id(2)] OutcomeLabel Label,
    [property: Id(3)] bool IsCall,
    [property: Id(4)] decimal CostUsd,
    [property: Id(5)] bool Escalated = false,
    [property: Id(6)] CanaryTag? Canary = null,
    [property: Id(7)] bool Served = false,
    [property: Id(8)] string? RequestId = null);
