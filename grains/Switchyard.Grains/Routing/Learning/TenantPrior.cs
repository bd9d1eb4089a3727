namespace Switchyard.Routing.Learning;

/// <summary>
/// Lays a task type's statistics under a tenant's own as a prior: the task type's counts of a tier
/// are scaled down to at most <c>weight</c> labels (band shares and rates kept), then added to the
/// tenant's. A tenant with no traffic of its own routes as the task type does; its own labels take
/// over as they outnumber the prior's.
/// </summary>
public static class TenantPrior
{
    /// <summary>
    /// <paramref name="own"/> plus <paramref name="prior"/> (per band, lowest first) scaled so that its
    /// labels count for at most <paramref name="weight"/>; <paramref name="priorCostUsdPerCall"/> prices its calls.
    /// </summary>
    public static TierLearning Combine(TierLearning own, IReadOnlyList<BandStatistics> prior, decimal priorCostUsdPerCall, int weight)
    {
        if (prior.Count != ConfidenceBands.Count)
        {
            return own;
        }

        var labelled = prior.Sum(b => b.Right + b.Wrong);
        var scale = labelled > weight ? (double)Math.Max(weight, 0) / labelled : 1.0;
        var combined = new TierLearning { CostUsd = own.CostUsd };
        for (var band = 0; band < ConfidenceBands.Count; band++)
        {
            var calls = (long)Math.Round(prior[band].Calls * scale);
            combined.Calls[band] = own.Calls[band] + calls;
            combined.Right[band] = own.Right[band] + (long)Math.Round(prior[band].Right * scale);
            combined.Wrong[band] = own.Wrong[band] + (long)Math.Round(prior[band].Wrong * scale);
            combined.CostUsd += calls * priorCostUsdPerCall;
        }

        return combined;
    }
}
