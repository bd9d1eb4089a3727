using System.Collections.Immutable;

namespace Switchyard.Routing;

/// <summary>What a member router tells its quality group each time it re-chooses its policy.</summary>
/// <param name="TaskType">The member's task type.</param>
/// <param name="Requests">Requests the member has routed since its last report: its share of the group's traffic.</param>
/// <param name="BestAccuracy">Its best single tier's learned accuracy: what the group's target is a share of.</param>
/// <param name="Frontier">
/// Its candidate cascades on the lower convex frontier of cost over accuracy, cheapest first: the only
/// ones a shared price for an error can pick.
/// </param>
[GenerateSerializer, Immutable]
[Alias("switchyard.routing.QualityReport")]
public sealed record QualityReport(
    [property: Id(0)] string TaskType,
    [property: Id(1)] long Requests,
    [property: Id(2)] double BestAccuracy,
    [property: Id(3)] ImmutableArray<OperatingPoint> Frontier);
