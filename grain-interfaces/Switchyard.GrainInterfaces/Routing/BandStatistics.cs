namespace Switchyard.Routing;

/// <summary>What a router learned about one confidence band of one tier.</summary>
/// <param name="Low">The band's lowest confidence (inclusive).</param>
/// <param name="High">The band's highest confidence (exclusive, except for the top band).</param>
/// <param name="Calls">Answers whose confidence fell in the band.</param>
/// <param name="Right">Answers in the band known to be right.</param>
/// <param name="Wrong">Answers in the band known to be wrong.</param>
/// <param name="Calibrated">The calibrated probability that an answer in the band is right.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.routing.BandStatistics")]
public sealed record BandStatistics(
    [property: Id(0)] double Low,
    [property: Id(1)] double High,
    [property: Id(2)] long Calls,
    [property: Id(3)] long Right,
    [property: Id(4)] long Wrong,
    [property: Id(5)] double Calibrated);
