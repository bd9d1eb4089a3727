namespace Switchyard.Routing.Learning;

/// <summary>What the policy chooser knows about one tier: its learning and the cost of one call.</summary>
/// <param name="Tier">The tier.</param>
/// <param name="Learning">Its counts per confidence band on requests it was the first tier of.</param>
/// <param name="CostUsd">The expected cost of one call: the learned mean, or the catalog's estimate before any call.</param>
/// <param name="Escalated">
/// Its counts on requests escalated to it (harder than average); used for a tier reached by escalation
/// once it has at least <see cref="MinimumEscalatedLabels"/> labels, else <paramref name="Learning"/> stands in.
/// </param>
public sealed record TierEstimate(ModelTier Tier, TierLearning Learning, decimal CostUsd, TierLearning? Escalated = null)
{
    /// <summary>Labels the escalated counts need before they are trusted. Default: 20.</summary>
    public int MinimumEscalatedLabels { get; init; } = 20;

    /// <summary>The counts that describe this tier when it is reached by escalation (or not).</summary>
    public TierLearning For(bool escalated) =>
        escalated && Escalated is { } counts && counts.Labelled >= MinimumEscalatedLabels ? counts : Learning;

    /// <summary>The share of answers in each band, smoothed towards uniform by one pseudo-answer.</summary>
    public static double[] BandShares(TierLearning learning)
    {
        var total = learning.TotalCalls;
        var shares = new double[ConfidenceBands.Count];
        for (var band = 0; band < shares.Length; band++)
        {
            shares[band] = (learning.Calls[band] + (1.0 / ConfidenceBands.Count)) / (total + 1.0);
        }

        return shares;
    }

    /// <summary>The calibrated probability of being right, per band, of the direct requests.</summary>
    public double[] Calibrated() => Calibrator.Calibrate(Learning.Right, Learning.Wrong);

    /// <summary>The estimated share of this tier's answers that are right, on the requests it was first tried on.</summary>
    public double Accuracy()
    {
        var shares = BandShares(Learning);
        var right = Calibrated();
        return shares.Select((share, band) => share * right[band]).Sum();
    }
}
