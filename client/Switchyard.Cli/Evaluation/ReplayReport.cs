using Switchyard.Replay.Evaluation;

namespace Switchyard.Cli.Evaluation;

/// <summary>The result of an evaluation: the router's operating point and the published metrics around it.</summary>
/// <param name="Policy">The policy evaluated.</param>
/// <param name="WarmupQueries">Queries replayed before, not counted.</param>
/// <param name="Router">The router's point over the evaluated queries (the first quality target).</param>
/// <param name="RouterPoints">The router's points, one per quality target.</param>
/// <param name="Queries">Queries evaluated.</param>
/// <param name="CallsPerModel">Calls per recorded model.</param>
/// <param name="EscalationRate">The share of queries that escalated.</param>
/// <param name="Baselines">Each single model and the oracle over the same queries.</param>
/// <param name="Oracle">The oracle.</param>
/// <param name="CostSavingAtEqualQuality">1 − cost / best model's cost when at least as accurate; else null.</param>
/// <param name="Aiq">AIQ of the hull of the router's point and the single models.</param>
/// <param name="ZeroRouterAiq">AIQ of the single models alone.</param>
/// <param name="Apgr">APGR, for two-model data.</param>
/// <param name="Cpt50">CPT(50%), for two-model data.</param>
/// <param name="StateBytesPerTaskType">The learned state's size per task type.</param>
/// <param name="PolicyPerTaskType">The policy each task type's router ended with.</param>
internal sealed record ReplayReport(
    string Policy,
    int WarmupQueries,
    CostQualityPoint Router,
    IReadOnlyList<CostQualityPoint> RouterPoints,
    int Queries,
    IReadOnlyDictionary<string, long> CallsPerModel,
    double EscalationRate,
    IReadOnlyList<CostQualityPoint> Baselines,
    CostQualityPoint Oracle,
    double? CostSavingAtEqualQuality,
    double Aiq,
    double ZeroRouterAiq,
    double? Apgr,
    double? Cpt50,
    IReadOnlyDictionary<string, int> StateBytesPerTaskType,
    IReadOnlyDictionary<string, string> PolicyPerTaskType);
