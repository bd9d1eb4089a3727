namespace Switchyard.Routing;

/// <summary>One tier's answer within a routed request.</summary>
/// <param name="Tier">The tier that answered.</param>
/// <param name="Confidence">The answer's confidence, in [0, 1].</param>
/// <param name="Accepted">True when the answer was served; false when the request escalated past it.</param>
/// <param name="AnswerKey">A digest of the normalised answer text, to tell whether two tiers agreed; null when unknown.</param>
/// <param name="CostUsd">What the call cost.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.routing.TierAttempt")]
public sealed record TierAttempt(
    [property: Id(0)] ModelTier Tier,
    [property: Id(1)] double Confidence,
    [property: Id(2)] bool Accepted,
    [property: Id(3)] string? AnswerKey = null,
    [property: Id(4)] decimal CostUsd = 0m);
