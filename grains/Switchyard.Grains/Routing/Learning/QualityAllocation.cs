namespace Switchyard.Routing.Learning;

/// <summary>
/// Shares one quality target across task types by pricing an error once for all of them. Each member
/// runs the point of its frontier that minimises cost − λ × accuracy; the allocation takes the smallest
/// price λ at which the weighted accuracy Σ wₜ·accₜ reaches target × Σ wₜ·bestₜ, so accuracy is bought
/// where it is cheapest (Lagrangian relaxation of the group's constraint). Only the frontiers' breakpoints
/// can change a choice, so it scans them in order. At the price where the target is first met several
/// members may step up at once; they step up one at a time, only as far as the target needs.
/// </summary>
public static class QualityAllocation
{
    private const double Tolerance = 1e-12;

    /// <summary>
    /// Allocates <paramref name="target"/> (a share of the members' best accuracy over the mix) across
    /// <paramref name="members"/>. Members with no weight at all count equally; a member with an empty
    /// frontier is left out.
    /// </summary>
    public static AllocationOutcome Allocate(IReadOnlyList<AllocationMember> members, double target)
    {
        var weights = members.Select(m => m.Frontier.Count > 0 ? Math.Max(0, m.Weight) : 0).ToArray();
        if (weights.Sum() <= 0)
        {
            weights = [.. members.Select(m => m.Frontier.Count > 0 ? 1.0 : 0)];
        }

        var required = target * members.Select((m, i) => weights[i] * m.BestAccuracy).Sum();
        var prices = members.SelectMany(m => Steps(m.Frontier)).Where(p => p > 0).Append(0).Distinct().Order().ToList();
        foreach (var price in prices)
        {
            var at = members.Select(m => ChoiceAt(m.Frontier, price, inclusive: true)).ToArray();
            if (Accuracy(members, weights, at) >= required - Tolerance)
            {
                var choices = members.Select(m => ChoiceAt(m.Frontier, price, inclusive: false)).ToArray();
                StepUp(members, weights, choices, at, required);
                return Outcome(members, weights, price, feasible: true, choices);
            }
        }

        var mostAccurate = members.Select(m => m.Frontier.Count - 1).ToArray();
        return Outcome(members, weights, prices[^1], feasible: false, mostAccurate);
    }

    /// <summary>The price of each step up a frontier.</summary>
    private static IEnumerable<double> Steps(IReadOnlyList<OperatingPoint> frontier)
    {
        for (var i = 1; i < frontier.Count; i++)
        {
            yield return OperatingFrontier.PriceOf(frontier[i - 1], frontier[i]);
        }
    }

    /// <summary>
    /// The point a member runs at <paramref name="price"/>: every step priced below it is taken, and with
    /// <paramref name="inclusive"/> also the steps priced exactly at it.
    /// </summary>
    private static int ChoiceAt(IReadOnlyList<OperatingPoint> frontier, double price, bool inclusive)
    {
        if (frontier.Count == 0)
        {
            return -1;
        }

        var choice = 0;
        while (choice + 1 < frontier.Count
            && OperatingFrontier.PriceOf(frontier[choice], frontier[choice + 1]) is var step
            && (inclusive ? step <= price + Tolerance : step < price - Tolerance))
        {
            choice++;
        }

        return choice;
    }

    /// <summary>
    /// From the choices just below the price towards those at it, one step at a time: a step that closes the
    /// gap on its own (the smallest such), else the biggest, until the target is met.
    /// </summary>
    private static void StepUp(IReadOnlyList<AllocationMember> members, double[] weights, int[] choices, int[] at, double required)
    {
        while (Accuracy(members, weights, choices) is var reached && reached < required - Tolerance)
        {
            var gap = required - reached;
            var open = Enumerable.Range(0, members.Count).Where(i => choices[i] < at[i]).ToList();
            if (open.Count == 0)
            {
                return;
            }

            double Gain(int i) => weights[i] * (members[i].Frontier[choices[i] + 1].Accuracy - members[i].Frontier[choices[i]].Accuracy);
            var closing = open.Where(i => Gain(i) >= gap - Tolerance).ToList();
            var step = closing.Count > 0 ? closing.MinBy(Gain) : open.MaxBy(Gain);
            choices[step]++;
        }
    }

    private static double Accuracy(IReadOnlyList<AllocationMember> members, double[] weights, int[] choices) =>
        members.Select((m, i) => choices[i] < 0 ? 0 : weights[i] * m.Frontier[choices[i]].Accuracy).Sum();

    private static AllocationOutcome Outcome(IReadOnlyList<AllocationMember> members, double[] weights, double price, bool feasible, int[] choices)
    {
        var total = weights.Sum();
        var best = members.Select((m, i) => weights[i] * m.BestAccuracy).Sum();
        var cost = members.Select((m, i) => choices[i] < 0 ? 0 : weights[i] * m.Frontier[choices[i]].CostUsd).Sum();
        return new AllocationOutcome(
            price, feasible, choices, best > 0 ? Accuracy(members, weights, choices) / best : 1, total > 0 ? cost / total : 0);
    }
}
