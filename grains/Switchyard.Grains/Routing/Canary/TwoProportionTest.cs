namespace Switchyard.Routing.Canary;

/// <summary>
/// The two-sided two-proportion z-test with a pooled variance: are two error rates different? Valid
/// when each arm has enough labels that its counts of right and wrong are not tiny (the caller asks
/// for a minimum per arm).
/// </summary>
public static class TwoProportionTest
{
    /// <summary>The test's name, as reported.</summary>
    public const string Name = "two-proportion z-test (pooled, two-sided)";

    /// <summary>
    /// The z statistic of <paramref name="wrongB"/>/<paramref name="nB"/> against
    /// <paramref name="wrongA"/>/<paramref name="nA"/> (positive when B errs more) and its two-sided
    /// p-value; null when either arm has no labels.
    /// </summary>
    public static (double Z, double PValue)? Compare(long wrongA, long nA, long wrongB, long nB)
    {
        if (nA <= 0 || nB <= 0)
        {
            return null;
        }

        var pA = (double)wrongA / nA;
        var pB = (double)wrongB / nB;
        var pooled = (double)(wrongA + wrongB) / (nA + nB);
        var variance = pooled * (1 - pooled) * ((1.0 / nA) + (1.0 / nB));
        if (variance <= 0)
        {
            // Both arms all right or all wrong: identical rates, nothing to tell apart.
            return (0, 1);
        }

        var z = (pB - pA) / Math.Sqrt(variance);
        return (z, Math.Clamp(Erfc(Math.Abs(z) / Math.Sqrt(2)), 0, 1));
    }

    /// <summary>
    /// The complementary error function, by the Chebyshev fit in Numerical Recipes (§6.2, erfcc):
    /// fractional error below 1.2e-7 everywhere, ample for a p-value.
    /// </summary>
    public static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        var polynomial = 0.0;
        for (var i = Coefficients.Length - 1; i >= 0; i--)
        {
            polynomial = (polynomial * t) + Coefficients[i];
        }

        var r = t * Math.Exp(-(z * z) + polynomial);
        return x >= 0 ? r : 2 - r;
    }

    private static readonly double[] Coefficients =
        [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
}
