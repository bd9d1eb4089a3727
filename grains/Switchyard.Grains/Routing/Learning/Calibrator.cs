namespace Switchyard.Routing.Learning;

/// <summary>
/// Maps a raw confidence to the probability that the answer is right, learned from outcomes: per
/// band, a Beta posterior mean whose prior is the band's own confidence (a scorer is trusted until
/// outcomes say otherwise), then made non-decreasing by pooling adjacent violators, since a higher
/// raw score should never mean a lower chance of being right. The posterior also says how sure the
/// estimate is: a block of pooled bands with weight W (outcomes plus prior) and mean m has variance
/// m(1 − m)/(W + 1), the variance of a Beta distribution, so it shrinks as 1/labels.
/// </summary>
public static class Calibrator
{
    /// <summary>The prior's weight, in pseudo-outcomes per band.</summary>
    public const double PriorWeight = 2.0;

    /// <summary>The calibrated probability of being right for each band.</summary>
    public static double[] Calibrate(IReadOnlyList<long> right, IReadOnlyList<long> wrong) => Posterior(right, wrong).Mean;

    /// <summary>The calibrated probability of being right for each band, with its posterior variance.</summary>
    public static CalibratedBands Posterior(IReadOnlyList<long> right, IReadOnlyList<long> wrong)
    {
        var count = ConfidenceBands.Count;
        var value = new double[count];
        var weight = new double[count];
        for (var band = 0; band < count; band++)
        {
            var n = right[band] + wrong[band];
            value[band] = (right[band] + (PriorWeight * ConfidenceBands.MiddleOf(band))) / (n + PriorWeight);
            weight[band] = n + PriorWeight;
        }

        return PoolAdjacentViolators(value, weight);
    }

    /// <summary>The calibrated probability that an answer with <paramref name="confidence"/> is right.</summary>
    public static double ProbabilityRight(TierLearning learning, double confidence) =>
        Calibrate(learning.Right, learning.Wrong)[ConfidenceBands.BandOf(confidence)];

    private static CalibratedBands PoolAdjacentViolators(double[] value, double[] weight)
    {
        // Blocks of pooled bands: mean, weight, and how many bands each covers.
        var means = new List<double>();
        var weights = new List<double>();
        var sizes = new List<int>();
        for (var i = 0; i < value.Length; i++)
        {
            means.Add(value[i]);
            weights.Add(weight[i]);
            sizes.Add(1);
            while (means.Count > 1 && means[^2] > means[^1])
            {
                var w = weights[^2] + weights[^1];
                var m = ((means[^2] * weights[^2]) + (means[^1] * weights[^1])) / w;
                var s = sizes[^2] + sizes[^1];
                means.RemoveAt(means.Count - 1);
                weights.RemoveAt(weights.Count - 1);
                sizes.RemoveAt(sizes.Count - 1);
                means[^1] = m;
                weights[^1] = w;
                sizes[^1] = s;
            }
        }

        var mean = new double[value.Length];
        var variance = new double[value.Length];
        var first = new int[value.Length];
        var at = 0;
        for (var block = 0; block < means.Count; block++)
        {
            var start = at;
            for (var k = 0; k < sizes[block]; k++)
            {
                mean[at] = means[block];
                variance[at] = means[block] * (1 - means[block]) / (weights[block] + 1);
                first[at++] = start;
            }
        }

        return new CalibratedBands(mean, variance, first);
    }
}
