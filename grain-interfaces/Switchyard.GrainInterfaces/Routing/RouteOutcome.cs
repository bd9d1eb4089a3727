using System.Collections.Immutable;

namespace Switchyard.Routing;

/// <summary>What happened to one routed request: every tier tried, in order.</summary>
/// <param name="Attempts">The tiers tried; the last one is the answer served.</param>
/// <param name="Canary">The canary arm the request was routed by, if any.</param>
/// <param name="RequestId">The request id, for a router that remembers requests (to label them later); null otherwise.</param>
/// <param name="Signature">The query's signature, for a router that remembers requests; empty otherwise.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.routing.RouteOutcome")]
public sealed record RouteOutcome(
    [property: Id(0)] ImmutableArray<TierAttempt> Attempts,
    [property: Id(1)] CanaryTag? Canary = null,
    [property: Id(2)] string? RequestId = null,
    [property: Id(3)] ImmutableArray<sbyte> Signature = default);
