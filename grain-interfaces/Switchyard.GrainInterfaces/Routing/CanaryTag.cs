namespace Switchyard.Routing;

/// <summary>Which arm of a task type's canary a request was routed by.</summary>
/// <param name="Generation">The canary it belongs to (each started canary gets the next number).</param>
/// <param name="Candidate">True for the candidate arm; false for the control (current policy) arm.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.routing.CanaryTag")]
public sealed record CanaryTag(
    [property: Id(0)] int Generation,
    [property: Id(1)] bool Candidate);
