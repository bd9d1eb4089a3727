namespace Switchyard.Routing.Learning;

/// <summary>
/// A cascade: start on <see cref="StartTier"/>; accept a tier's answer when its confidence is at least
/// that tier's threshold, otherwise go one tier up; always accept <see cref="MaxTier"/>'s answer.
/// </summary>
/// <param name="StartTier">The first tier tried.</param>
/// <param name="MaxTier">The last tier.</param>
/// <param name="Thresholds">Accept thresholds by tier index (<see cref="ModelTier"/>).</param>
/// <param name="ExpectedAccuracy">The estimated share of right answers.</param>
/// <param name="ExpectedCostUsd">The estimated cost per request.</param>
public sealed record CascadePolicy(
    ModelTier StartTier, ModelTier MaxTier, IReadOnlyList<double> Thresholds, double ExpectedAccuracy, decimal ExpectedCostUsd);
