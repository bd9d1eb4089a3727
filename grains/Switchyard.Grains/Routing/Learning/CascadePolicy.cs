namespace Switchyard.Routing.Learning;

/// <summary>
/// A cascade: try the tiers of <see cref="Sequence"/> in order; accept a tier's answer when its
/// confidence is at least that tier's threshold, otherwise go on; always accept the last one's.
/// </summary>
/// <param name="Sequence">The tiers tried, cheapest first (a tier may be skipped).</param>
/// <param name="Thresholds">Accept thresholds by tier index (<see cref="ModelTier"/>).</param>
/// <param name="ExpectedAccuracy">The estimated share of right answers.</param>
/// <param name="ExpectedCostUsd">The estimated cost per request.</param>
public sealed record CascadePolicy(
    IReadOnlyList<ModelTier> Sequence, IReadOnlyList<double> Thresholds, double ExpectedAccuracy, decimal ExpectedCostUsd)
{
    /// <summary>
    /// The accuracy the chooser judged the cascade by: <see cref="ExpectedAccuracy"/> less the chosen number
    /// of standard deviations of its shortfall from the best single tier (equal to it at confidence 0).
    /// </summary>
    public double AccuracyLowerBound { get; init; } = ExpectedAccuracy;

    /// <summary>The first tier tried.</summary>
    public ModelTier StartTier => Sequence[0];

    /// <summary>The last tier.</summary>
    public ModelTier MaxTier => Sequence[^1];
}
