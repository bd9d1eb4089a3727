namespace Switchyard.Routing.Learning;

/// <summary>What the policy chooser knows about one tier: its learning and the cost of one call.</summary>
/// <param name="Tier">The tier.</param>
/// <param name="Learning">Its counts per confidence band.</param>
/// <param name="CostUsd">The expected cost of one call: the learned mean, or the catalog's estimate before any call.</param>
public sealed record TierEstimate(ModelTier Tier, TierLearning Learning, decimal CostUsd)
{
    /// <summary>The share of answers in each band, smoothed towards uniform by one pseudo-answer.</summary>
    public double[] BandShares()
    {
        var total = Learning.TotalCalls;
        var shares = new double[ConfidenceBands.Count];
        for (var band = 0; band < shares.Length; band++)
        {
            shares[band] = (Learning.Calls[band] + (1.0 / ConfidenceBands.Count)) / (total + 1.0);
        }

        return shares;
    }

    /// <summary>The calibrated probability of being right, per band.</summary>
    public double[] Calibrated() => Calibrator.Calibrate(Learning.Right, Learning.Wrong);

    /// <summary>The estimated share of this tier's answers that are right.</summary>
    public double Accuracy()
    {
        var shares = BandShares();
        var right = Calibrated();
        return shares.Select((share, band) => share * right[band]).Sum();
    }
}
