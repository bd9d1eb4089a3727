namespace Switchyard.Replay.Evaluation;

/// <summary>What one pass of recorded queries through the cluster gave.</summary>
/// <param name="Queries">Queries sent.</param>
/// <param name="Right">Queries whose served answer was recorded as right.</param>
/// <param name="CostUsd">What Switchyard charged for them, every tier tried included.</param>
/// <param name="CallsPerModel">Calls per recorded model.</param>
/// <param name="Escalated">Queries that moved past their first tier.</param>
/// <param name="TopTierQueries">Queries on which the highest tier was called.</param>
/// <param name="Failed">Queries that got no answer (counted as wrong).</param>
public sealed record ReplayRunResult(
    int Queries, int Right, decimal CostUsd, IReadOnlyDictionary<string, long> CallsPerModel, int Escalated, int TopTierQueries, int Failed)
{
    /// <summary>The share of queries answered right.</summary>
    public double Accuracy => Queries == 0 ? 0 : Right / (double)Queries;

    /// <summary>The mean cost of a query.</summary>
    public decimal CostUsdPerQuery => Queries == 0 ? 0 : CostUsd / Queries;

    /// <summary>The share of queries that escalated.</summary>
    public double EscalationRate => Queries == 0 ? 0 : Escalated / (double)Queries;
}
