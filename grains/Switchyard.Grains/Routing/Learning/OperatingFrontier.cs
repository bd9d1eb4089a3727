namespace Switchyard.Routing.Learning;

/// <summary>
/// The lower convex frontier of cost over accuracy: the operating points that minimise
/// cost − λ × accuracy for some price λ ≥ 0 of an error. Every other point is either dominated (dearer
/// and no more accurate) or beaten by a mix of two neighbours, so no shared price would ever pick it.
/// </summary>
public static class OperatingFrontier
{
    private const double Tolerance = 1e-12;

    /// <summary>The frontier of <paramref name="points"/>, cheapest (and least accurate) first.</summary>
    public static List<OperatingPoint> Of(IEnumerable<OperatingPoint> points)
    {
        // Pareto first: by cost, keeping each point that is strictly more accurate than every cheaper one.
        var ordered = points
            .Where(p => double.IsFinite(p.Accuracy) && double.IsFinite(p.CostUsd))
            .OrderBy(p => p.CostUsd)
            .ThenByDescending(p => p.Accuracy);
        var pareto = new List<OperatingPoint>();
        foreach (var point in ordered)
        {
            if (pareto.Count == 0 || point.Accuracy > pareto[^1].Accuracy + Tolerance)
            {
                pareto.Add(point);
            }
        }

        // Then convex: the price of the next step up in accuracy must never fall.
        var hull = new List<OperatingPoint>();
        foreach (var point in pareto)
        {
            while (hull.Count >= 2 && PriceOf(hull[^2], hull[^1]) >= PriceOf(hull[^1], point) - Tolerance)
            {
                hull.RemoveAt(hull.Count - 1);
            }

            hull.Add(point);
        }

        return hull;
    }

    /// <summary>The price per unit of accuracy of moving from <paramref name="lower"/> to <paramref name="higher"/>.</summary>
    public static double PriceOf(OperatingPoint lower, OperatingPoint higher) =>
        (higher.CostUsd - lower.CostUsd) / (higher.Accuracy - lower.Accuracy);
}
