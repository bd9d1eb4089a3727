using Switchyard.Routing;

namespace Switchyard.Feedback;

/// <summary>What a routed request was answered with, remembered so that later feedback can be learned from.</summary>
/// <param name="RequestId">The request id.</param>
/// <param name="TaskType">The request's task type.</param>
/// <param name="Tier">The tier whose answer was served.</param>
/// <param name="Confidence">That answer's raw confidence.</param>
/// <param name="Escalated">True when that tier was reached by escalation.</param>
/// <param name="Canary">The canary arm the request was routed by, if any.</param>
/// <param name="RouterKey">The router grain that planned the request (a tenant's own, or null for the task type's).</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.feedback.ServedAnswer")]
public sealed record ServedAnswer(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string TaskType,
    [property: Id(2)] ModelTier Tier,
    [property: Id(3)] double Confidence,
    [property: Id(4)] bool Escalated = false,
    [property: Id(5)] CanaryTag? Canary = null,
    [property: Id(6)] string? RouterKey = null);
