using System.Collections.Immutable;

namespace Switchyard.Routing;

/// <summary>What a router learned about one tier of one task type.</summary>
/// <param name="Tier">The tier.</param>
/// <param name="Calls">Answers the tier gave.</param>
/// <param name="CostUsdPerCall">The mean cost of one of its answers.</param>
/// <param name="Accuracy">The estimated share of its answers that are right.</param>
/// <param name="Bands">Per confidence band, lowest first, on requests the tier was tried first on.</param>
/// <param name="EscalatedBands">Per confidence band, on requests escalated to the tier.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.routing.TierLearningStatistics")]
public sealed record TierLearningStatistics(
    [property: Id(0)] ModelTier Tier,
    [property: Id(1)] long Calls,
    [property: Id(2)] decimal CostUsdPerCall,
    [property: Id(3)] double Accuracy,
    [property: Id(4)] ImmutableArray<BandStatistics> Bands,
    [property: Id(5)] ImmutableArray<BandStatistics> EscalatedBands = default);
