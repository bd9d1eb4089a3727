namespace Switchyard.Routing.Learning;

/// <summary>
/// Chooses the cascade that meets a quality target at the lowest expected cost. Every ordered subset
/// of the tiers (cheap → frontier, cheap → mid → frontier, mid alone, …) and every combination of
/// per-tier accept thresholds (one per confidence band) is evaluated: a tier's answers in a band are
/// right with the band's calibrated probability, learned separately for the requests a tier was
/// escalated to, since those are the harder ones. The search is small (at most
/// <c>2^tiers × bands^(tiers−1)</c> cascades) and runs only when the learning changes.
/// </summary>
/// <remarks>
/// With a confidence z above 0 a cascade is judged by a lower bound of its accuracy rather than the
/// estimate itself: the estimate less z standard deviations of its shortfall from the best single tier.
/// Both are sums of band estimates weighted by how many requests each band decides (reach × share), so
/// the shortfall's variance is the sum, over the independent band estimates, of the squared difference
/// of the two weights times the band's posterior variance. A cascade that leans on bands with few labels
/// pays for it; the best tier alone has no shortfall from itself and always keeps its estimate. Taking
/// the cheapest cascade whose point estimate clears the target picks the one whose estimate happens to
/// be high; the bound takes that optimism back out.
/// </remarks>
public static class PolicyChooser
{
    private static readonly int TierCount = Enum.GetValues<ModelTier>().Length;

    /// <summary>
    /// The cheapest cascade over <paramref name="tiers"/> (cheapest first) whose accuracy, less
    /// <paramref name="confidence"/> standard deviations of its shortfall from the best single tier, is at
    /// least <paramref name="qualityTarget"/> times the best single tier's; when none reaches it, the one
    /// with the highest such bound. A confidence of 0 compares the point estimates.
    /// </summary>
    public static CascadePolicy Choose(IReadOnlyList<TierEstimate> tiers, double qualityTarget, double confidence = 0)
    {
        ArgumentOutOfRangeException.ThrowIfZero(tiers.Count);
        var required = qualityTarget * tiers.Max(t => t.Accuracy());
        CascadePolicy? best = null;
        CascadePolicy? mostAccurate = null;
        foreach (var policy in Candidates(tiers, confidence))
        {
            if (policy.AccuracyLowerBound >= required - 1e-12 && (best is null || policy.ExpectedCostUsd < best.ExpectedCostUsd))
            {
                best = policy;
            }

            if (mostAccurate is null || policy.AccuracyLowerBound > mostAccurate.AccuracyLowerBound)
            {
                mostAccurate = policy;
            }
        }

        return best ?? mostAccurate!;
    }

    /// <summary>
    /// The candidate cascades over <paramref name="tiers"/> that some shared price of an error could pick:
    /// their (accuracy lower bound at <paramref name="confidence"/>, expected cost) on the lower convex
    /// frontier, cheapest first. A confidence of 0 uses the point estimates.
    /// </summary>
    public static List<OperatingPoint> Frontier(IReadOnlyList<TierEstimate> tiers, double confidence = 0) =>
        OperatingFrontier.Of(Candidates(tiers, confidence).Select(p => new OperatingPoint(p.AccuracyLowerBound, (double)p.ExpectedCostUsd)));

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

    private static IEnumerable<CascadePolicy> Candidates(IReadOnlyList<TierEstimate> tiers, double confidence)
    {
        var yardstick = confidence > 0 ? Yardstick(tiers.MaxBy(t => t.Accuracy())!) : null;
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

                yield return Evaluate(sequence, cut, yardstick, confidence);
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
        var policy = Evaluate([.. sequence], cut, yardstick: null, confidence: 0);
        return policy with { Thresholds = [.. Enumerable.Repeat(acceptConfidence, policy.Thresholds.Count)] };
    }

    /// <summary>How much each band estimate weighs in the best single tier's accuracy, and its variance.</summary>
    private static Weights Yardstick(TierEstimate best)
    {
        var weights = new Weights();
        var shares = TierEstimate.BandShares(best.Learning);
        var posterior = Calibrator.Posterior(best.Learning.Right, best.Learning.Wrong);
        for (var band = 0; band < ConfidenceBands.Count; band++)
        {
            weights.Add(best.Tier, escalated: false, posterior, band, shares[band]);
        }

        return weights;
    }

    private static CascadePolicy Evaluate(List<TierEstimate> sequence, int[] cut, Weights? yardstick, double confidence)
    {
        var reach = 1.0;
        var accuracy = 0.0;
        var cost = 0m;
        var thresholds = new double[TierCount];
        var weights = yardstick is null ? null : new Weights();
        for (var i = 0; i < sequence.Count && reach > 0; i++)
        {
            var learning = sequence[i].For(escalated: i > 0);
            var shares = TierEstimate.BandShares(learning);
            var posterior = Calibrator.Posterior(learning.Right, learning.Wrong);
            var right = posterior.Mean;
            cost += (decimal)reach * sequence[i].CostUsd;
            var last = i == sequence.Count - 1;
            var from = last ? 0 : cut[i];
            var escalated = 0.0;
            for (var band = 0; band < ConfidenceBands.Count; band++)
            {
                if (band >= from)
                {
                    accuracy += reach * shares[band] * right[band];
                    weights?.Add(sequence[i].Tier, !ReferenceEquals(learning, sequence[i].Learning), posterior, band, reach * shares[band]);
                }
                else
                {
                    escalated += shares[band];
                }
            }

            thresholds[(int)sequence[i].Tier] = last ? 0 : ConfidenceBands.LowOf(from);
            reach *= escalated;
        }

        var bound = weights is null ? accuracy : accuracy - (confidence * Math.Sqrt(weights.VarianceOfDifference(yardstick!)));
        return new CascadePolicy([.. sequence.Select(t => t.Tier)], thresholds, accuracy, cost) { AccuracyLowerBound = bound };
    }

    /// <summary>
    /// The weight of each independent band estimate (tier, direct or escalated counts, pooled block) in an
    /// accuracy, with the estimate's posterior variance.
    /// </summary>
    private sealed class Weights
    {
        private readonly double[] _weight = new double[TierCount * 2 * ConfidenceBands.Count];
        private readonly double[] _variance = new double[TierCount * 2 * ConfidenceBands.Count];

        public void Add(ModelTier tier, bool escalated, CalibratedBands posterior, int band, double weight)
        {
            var slot = ((((int)tier * 2) + (escalated ? 1 : 0)) * ConfidenceBands.Count) + posterior.Block[band];
            _weight[slot] += weight;
            _variance[slot] = posterior.Variance[band];
        }

        /// <summary>The variance of this accuracy less <paramref name="other"/>.</summary>
        public double VarianceOfDifference(Weights other)
        {
            var sum = 0.0;
            for (var slot = 0; slot < _weight.Length; slot++)
            {
                var difference = _weight[slot] - other._weight[slot];
                sum += difference * difference * Math.Max(_variance[slot], other._variance[slot]);
            }

            return sum;
        }
    }
}
