namespace Switchyard.Replay.Evaluation;

/// <summary>One operating point on the cost–quality plane.</summary>
/// <param name="Name">What it is: a model, the oracle, or a router run.</param>
/// <param name="Accuracy">The share of queries answered right.</param>
/// <param name="CostUsdPerQuery">The mean cost of a query.</param>
public sealed record CostQualityPoint(string Name, double Accuracy, decimal CostUsdPerQuery);
