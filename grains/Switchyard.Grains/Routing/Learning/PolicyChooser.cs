namespace Switchyard.Routing.Learning;

/// <summary>
/// Chooses the cascade that meets a quality target at the lowest expected cost. Every ordered subset
/// of the tiers (cheap → frontier, cheap → mid → frontier, mid alone, …) and every combination of
/// per-tier accept thresholds (one per confidence band) is evaluated: a tier's answers in a band are
/// right with the band's calibrated probability, learned separately for the requests a tier was
/// escalated to, since those are the harder ones. The search is small (at most
/// <c>2^tiers × bands^(tiers−1)</c> cascades) and runs only when the learning changes.
/// </summary>
public static class PolicyChooser
{
    /// <summary>
    /// The cheapest cascade over <paramref name="tiers"/> (cheapest first) whose expected accuracy is
    /// at least <paramref name="qualityTarget"/> times the best single tier's; when none reaches it,
    /// the most accurate one.
    /// </summary>
    public static CascadePolicy Choose(IReadOnlyList<TierEstimate> tiers, double qualityTarget)
    {
        ArgumentOutOfRangeException.ThrowIfZero(tiers.Count);
        var required = qualityTarget * tiers.Max(t => t.Accuracy());
        CascadePolicy? best = null;
        CascadePolicy? mostAccurate = null;
        foreach (var policy in Candidates(tiers))
        {
            if (policy.ExpectedAccuracy >= required - 1e-12 && (best is null || policy.ExpectedCostUsd < best.ExpectedCostUsd))
            {
                best = policy;
            }

            if (mostAccurate is null || policy.ExpectedAccuracy > mostAccurate.ExpectedAccuracy)
            {
                mostAccurate = policy;
            }
        }

        return best ?? mostAccurate!;
    }

    /// <summary>
    /// The candidate cascades over <paramref name="tiers"/> that some shared price of an error could pick:
    /// their (expected accuracy, expected cost) on the lower convex frontier, cheapest first.
    /// </summary>
    public static List<OperatingPoint> Frontier(IReadOnlyList<TierEstimate> tiers) =>
        OperatingFrontier.Of(Candidates(tiers).Select(p => new OperatingPoint(p.ExpectedAccuracy, (double)p.ExpectedCostUsd)));

    /// <summary>
    /// With probability <paramref name="rate"/>, a cascade that starts on a random tier of
    /// <paramref name="tiers"/> and goes on with the chosen cascade's higher tiers, so that every tier
    /// keeps being measured; otherwise null.
    /// </summary>
    public static CascadePolicy? Explore(CascadePolicy chosen, IReadOnlyList<ModelTier> tiers, double rate, Random random)
    {
        if (tiers.Count == 0 || random.NextDouble() >= rate)
        {
            return null;
        }

        var start = tiers[random.Next(tiers.Count)];
        var thresholds = chosen.Thresholds.ToArray();
        if (!chosen.Sequence.Contains(start))
        {
            // No learned threshold for a tier the policy skips: accept only its most confident answers.
            thresholds[(int)start] = ConfidenceBands.LowOf(ConfidenceBands.Count - 1);
        }

        List<ModelTier> sequence = [start, .. chosen.Sequence.Where(t => t > start)];
        return chosen with { Sequence = sequence, Thresholds = thresholds };
    }

    private static IEnumerable<CascadePolicy> Candidates(IReadOnlyList<TierEstimate> tiers)
    {
        for (var mask = 1; mask < 1 << tiers.Count; mask++)
        {
            var sequence = Enumerable.Range(0, tiers.Count).Where(i => (mask & (1 << i)) != 0).Select(i => tiers[i]).ToList();
            var combinations = (int)Math.Pow(ConfidenceBands.Count, sequence.Count - 1);
            for (var combination = 0; combination < combinations; combination++)
            {
                var cut = new int[sequence.Count];
                for (int i = 0, rest = combination; i < sequence.Count - 1; i++, rest /= ConfidenceBands.Count)
                {
                    cut[i] = rest % ConfidenceBands.Count;
                }

                yield return Evaluate(sequence, cut);
            }
        }
    }

    /// <summary>
    /// The expected accuracy and cost of trying <paramref name="sequence"/> in order, accepting a
    /// tier's answer from confidence <paramref name="acceptConfidence"/> on.
    /// </summary>
    public static CascadePolicy Estimate(IReadOnlyList<TierEstimate> sequence, double acceptConfidence)
    {
        var band = ConfidenceBands.BandOf(acceptConfidence);
        var cut = Enumerable.Repeat(acceptConfidence >= ConfidenceBands.LowOf(band) ? band : band + 1, sequence.Count).ToArray();
        var policy = Evaluate([.. sequence], cut);
        return policy with { Thresholds = [.. Enumerable.Repeat(acceptConfidence, policy.Thresholds.Count)] };
    }

    private static CascadePolicy Evaluate(List<TierEstimate> sequence, int[] cut)
    {
        var reach = 1.0;
        var accuracy = 0.0;
        var cost = 0m;
        var thresholds = new double[Enum.GetValues<ModelTier>().Length];
        for (var i = 0; i < sequence.Count && reach > 0; i++)
        {
            var learning = sequence[i].For(escalated: i > 0);
            var shares = TierEstimate.BandShares(learning);
            var right = Calibrator.Calibrate(learning.Right, learning.Wrong);
            cost += (decimal)reach * sequence[i].CostUsd;
            var last = i == sequence.Count - 1;
            var from = last ? 0 : cut[i];
            var escalated = 0.0;
            for (var band = 0; band < ConfidenceBands.Count; band++)
            {
                if (band >= from)
                {
                    accuracy += reach * shares[band] * right[band];
                }
                else
                {
                    escalated += shares[band];
                }
            }

            thresholds[(int)sequence[i].Tier] = last ? 0 : ConfidenceBands.LowOf(from);
            reach *= escalated;
        }

        return new CascadePolicy([.. sequence.Select(t => t.Tier)], thresholds, accuracy, cost);
    }
}
