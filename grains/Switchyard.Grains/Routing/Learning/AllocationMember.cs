namespace Switchyard.Routing.Learning;

/// <summary>One task type as the quality allocation sees it.</summary>
/// <param name="Name">The task type.</param>
/// <param name="Weight">Its share of the traffic (any non-negative scale).</param>
/// <param name="BestAccuracy">Its best single tier's accuracy.</param>
/// <param name="Frontier">Its operating points on the lower convex frontier, cheapest first (see <see cref="OperatingFrontier"/>).</param>
public sealed record AllocationMember(string Name, double Weight, double BestAccuracy, IReadOnlyList<OperatingPoint> Frontier);
