namespace Switchyard.Routing.Learning;

/// <summary>What the quality allocation settled on.</summary>
/// <param name="PricePerError">The shared price λ of an error (USD per unit of accuracy per request).</param>
/// <param name="Feasible">False when even the most accurate choice misses the target; then every member runs its most accurate point.</param>
/// <param name="Choices">Per member (in the order given), the index of its chosen frontier point; −1 for a member without one.</param>
/// <param name="QualityShare">The expected accuracy over the mix, as a share of the members' best accuracy over the mix.</param>
/// <param name="CostUsd">The expected cost per request over the mix.</param>
public sealed record AllocationOutcome(double PricePerError, bool Feasible, IReadOnlyList<int> Choices, double QualityShare, double CostUsd);
