namespace Switchyard.Caching.Evaluation;

/// <summary>
/// How a semantic cache at one threshold does on labelled pairs, each scored as if a cache held only
/// question 1 and was asked question 2: a hit is a similarity at or above the threshold.
/// </summary>
/// <param name="Pairs">Pairs evaluated.</param>
/// <param name="Duplicates">Pairs that ask the same thing.</param>
/// <param name="Hits">Pairs the cache would answer.</param>
/// <param name="Precision">Right hits / hits (1 when there are no hits).</param>
/// <param name="Recall">Right hits / duplicates (0 when there are no duplicates).</param>
/// <param name="FalseHitRate">Wrong hits / pairs that are not duplicates (0 when there are none).</param>
/// <param name="Threshold">The similarity threshold used.</param>
public sealed record CacheEvaluation(int Pairs, int Duplicates, int Hits, double Precision, double Recall, double FalseHitRate, float Threshold)
{
    /// <summary>Evaluates <paramref name="pairs"/> at <paramref name="threshold"/>.</summary>
    public static CacheEvaluation At(IEnumerable<ScoredPair> pairs, float threshold)
    {
        int total = 0, duplicates = 0, hits = 0, rightHits = 0;
        foreach (var pair in pairs)
        {
            total++;
            duplicates += pair.IsDuplicate ? 1 : 0;
            if (pair.Similarity >= threshold)
            {
                hits++;
                rightHits += pair.IsDuplicate ? 1 : 0;
            }
        }

        var negatives = total - duplicates;
        return new CacheEvaluation(
            total,
            duplicates,
            hits,
            hits == 0 ? 1 : (double)rightHits / hits,
            duplicates == 0 ? 0 : (double)rightHits / duplicates,
            negatives == 0 ? 0 : (double)(hits - rightHits) / negatives,
            threshold);
    }

    /// <summary>
    /// The lowest threshold (to 0.001) at which the false-hit rate on <paramref name="pairs"/> is within
    /// <paramref name="maxFalseHitRate"/> with 95% confidence: the one-sided Wilson upper bound of the
    /// observed rate, not the rate itself, must stay within the target, so that the threshold holds on
    /// pairs it was not calibrated on rather than only on the sample it was fitted to.
    /// </summary>
    public static float Calibrate(IEnumerable<ScoredPair> pairs, double maxFalseHitRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxFalseHitRate);
        var negatives = pairs.Where(p => !p.IsDuplicate).Select(p => p.Similarity).OrderDescending().ToArray();
        var allowed = 0;
        while (allowed < negatives.Length && WilsonUpperBound(allowed + 1, negatives.Length) <= maxFalseHitRate)
        {
            allowed++;
        }

        if (allowed >= negatives.Length || WilsonUpperBound(0, negatives.Length) > maxFalseHitRate)
        {
            return allowed >= negatives.Length ? 0.001f : 1f;
        }

        // Hits are similarities >= threshold, so the threshold must sit strictly above the first negative not allowed through.
        var threshold = MathF.Ceiling(negatives[allowed] * 1000f) / 1000f;
        if (threshold <= negatives[allowed])
        {
            threshold += 0.001f;
        }

        return Math.Min(threshold, 1f);
    }

    /// <summary>The one-sided 95% Wilson score upper bound of <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
    public static double WilsonUpperBound(int successes, int trials)
    {
        const double z = 1.6448536269514722;
        if (trials == 0)
        {
            return 1;
        }

        var p = (double)successes / trials;
        var z2 = z * z;
        return (p + (z2 / (2 * trials)) + (z * Math.Sqrt((p * (1 - p) / trials) + (z2 / (4.0 * trials * trials))))) / (1 + (z2 / trials));
    }
}
