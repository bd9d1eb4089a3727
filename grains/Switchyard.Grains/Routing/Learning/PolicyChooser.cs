namespace Switchyard.Routing.Learning;

/// <summary>
/// Chooses the cascade that meets a quality target at the lowest expected cost. Every start tier and
/// every combination of per-tier accept thresholds (one per confidence band) is evaluated; a tier's
/// answers in a band are right with the band's calibrated probability, and the answers it escalates
/// are assumed to be as hard for the next tier as any other. The search is small (at most
/// <c>tiers × bands^(tiers−1)</c> cascades) and runs only when the learning changes.
/// </summary>
public static class PolicyChooser
{
    /// <summary>
    /// The cheapest cascade over <paramref name="tiers"/> (cheapest first, the last is the ceiling)
    /// whose expected accuracy is at least <paramref name="qualityTarget"/> times the best single
    /// tier's; when none reaches it, the most accurate one.
    /// </summary>
    public static CascadePolicy Choose(IReadOnlyList<TierEstimate> tiers, double qualityTarget)
    {
        ArgumentOutOfRangeException.ThrowIfZero(tiers.Count);
        var shares = tiers.Select(t => t.BandShares()).ToArray();
        var right = tiers.Select(t => t.Calibrated()).ToArray();
        var required = qualityTarget * tiers.Max(t => t.Accuracy());

        CascadePolicy? best = null;
        CascadePolicy? mostAccurate = null;
        for (var start = 0; start < tiers.Count; start++)
        {
            var free = tiers.Count - 1 - start;
            var combinations = (int)Math.Pow(ConfidenceBands.Count, free);
            for (var combination = 0; combination < combinations; combination++)
            {
                var cut = new int[tiers.Count];
                for (int i = start, rest = combination; i < tiers.Count - 1; i++, rest /= ConfidenceBands.Count)
                {
                    cut[i] = rest % ConfidenceBands.Count;
                }

                var policy = Evaluate(tiers, shares, right, start, cut);
                if (policy.ExpectedAccuracy >= required && (best is null || policy.ExpectedCostUsd < best.ExpectedCostUsd))
                {
                    best = policy;
                }

                if (mostAccurate is null || policy.ExpectedAccuracy > mostAccurate.ExpectedAccuracy)
                {
                    mostAccurate = policy;
                }
            }
        }

        return best ?? mostAccurate!;
    }

    /// <summary>
    /// With probability <paramref name="rate"/>, the same cascade started on a random tier of
    /// <paramref name="tiers"/>, so that every tier keeps being measured; otherwise null.
    /// </summary>
    public static CascadePolicy? Explore(CascadePolicy chosen, IReadOnlyList<ModelTier> tiers, double rate, Random random)
    {
        if (tiers.Count < 2 || random.NextDouble() >= rate)
        {
            return null;
        }

        // Tiers below the chosen start have no learned threshold: accept only their most confident answers.
        var start = tiers[random.Next(tiers.Count)];
        var thresholds = chosen.Thresholds.ToArray();
        for (var tier = start; tier < chosen.StartTier; tier++)
        {
            thresholds[(int)tier] = ConfidenceBands.LowOf(ConfidenceBands.Count - 1);
        }

        return chosen with { StartTier = start, Thresholds = thresholds };
    }

    private static CascadePolicy Evaluate(IReadOnlyList<TierEstimate> tiers, double[][] shares, double[][] right, int start, int[] cut)
    {
        var reach = 1.0;
        var accuracy = 0.0;
        var cost = 0m;
        var thresholds = new double[Enum.GetValues<ModelTier>().Length];
        for (var i = start; i < tiers.Count && reach > 0; i++)
        {
            cost += (decimal)reach * tiers[i].CostUsd;
            var last = i == tiers.Count - 1;
            var from = last ? 0 : cut[i];
            var escalated = 0.0;
            for (var band = 0; band < ConfidenceBands.Count; band++)
            {
                if (band >= from)
                {
                    accuracy += reach * shares[i][band] * right[i][band];
                }
                else
                {
                    escalated += shares[i][band];
                }
            }

            thresholds[(int)tiers[i].Tier] = last ? 0 : ConfidenceBands.LowOf(from);
            reach *= escalated;
        }

        return new CascadePolicy(tiers[start].Tier, tiers[^1].Tier, thresholds, accuracy, cost);
    }
}
