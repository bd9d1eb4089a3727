namespace Switchyard.Routing.Learning;

/// <summary>
/// The calibrated probability of being right per confidence band, with its uncertainty. Bands pooled
/// to keep the probabilities non-decreasing share one estimate: they have the same <see cref="Block"/>,
/// and their errors are the same error, not independent ones.
/// </summary>
/// <param name="Mean">Per band, the Beta posterior mean of being right.</param>
/// <param name="Variance">Per band, the posterior variance of that mean (its block's).</param>
/// <param name="Block">Per band, the first band of the pooled block it belongs to.</param>
public sealed record CalibratedBands(double[] Mean, double[] Variance, int[] Block);
