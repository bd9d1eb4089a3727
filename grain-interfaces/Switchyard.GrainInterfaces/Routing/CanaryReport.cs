namespace Switchyard.Routing;

/// <summary>A task type's canary: what it compares, how each arm did, and what the test says.</summary>
/// <param name="TaskType">The task type.</param>
/// <param name="Generation">The canary's number within the task type.</param>
/// <param name="Status"><c>running</c>, <c>promoted</c> or <c>rolled_back</c>.</param>
/// <param name="Share">The share of end users routed to the candidate, in (0, 1).</param>
/// <param name="Candidate">The candidate: a model, or policy settings laid over the current ones.</param>
/// <param name="StartedAt">When the canary started.</param>
/// <param name="Control">The arm on the current policy.</param>
/// <param name="CandidateArm">The arm on the candidate.</param>
/// <param name="Test">The significance test used.</param>
/// <param name="ZScore">The test statistic; null until both arms have labels.</param>
/// <param name="PValue">The two-sided p-value; null until both arms have labels.</param>
/// <param name="Significant">True when the p-value is below the significance level and both arms have enough labels.</param>
/// <param name="Verdict"><c>collecting</c>, <c>promote</c>, <c>rollback</c> or <c>no_difference</c>.</param>
/// <param name="Reason">Why, in words.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.routing.CanaryReport")]
public sealed record CanaryReport(
    [property: Id(0)] string TaskType,
    [property: Id(1)] int Generation,
    [property: Id(2)] string Status,
    [property: Id(3)] double Share,
    [property: Id(4)] RouterSettings Candidate,
    [property: Id(5)] DateTimeOffset StartedAt,
    [property: Id(6)] CanaryArmReport Control,
    [property: Id(7)] CanaryArmReport CandidateArm,
    [property: Id(8)] string Test,
    [property: Id(9)] double? ZScore,
    [property: Id(10)] double? PValue,
    [property: Id(11)] bool Significant,
    [property: Id(12)] string Verdict,
    [property: Id(13)] string Reason);
