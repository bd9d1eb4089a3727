using Switchyard.Routing;

namespace Switchyard.Cli.Evaluation;

/// <summary>What <c>switchyard eval replay</c> was asked to do.</summary>
/// <param name="Data">The files evaluated on.</param>
/// <param name="Warmup">The files replayed first, learning on, not counted.</param>
/// <param name="Policy"><c>learned</c>, <c>static</c>, <c>oracle</c> or <c>single:&lt;model&gt;</c>.</param>
/// <param name="HoldoutPercent">
/// When set, only the held-out part (by a hash of the sample id) of the data files is evaluated and
/// only the rest of the warmup files is warmed up on.
/// </param>
/// <param name="QualityTargets">
/// The learned routers' quality targets, as a share of the best tier's accuracy: one run each, the
/// first is the reported operating point, all are points of the router's cost–quality curve.
/// </param>
/// <param name="Tiers">Replay deployments by tier (<c>model</c> or <c>modelA+modelB</c>); missing tiers take the defaults.</param>
/// <param name="Seed">Seeds the router's exploration, so runs are reproducible.</param>
internal sealed record ReplaySettings(
    IReadOnlyList<string> Data,
    IReadOnlyList<string> Warmup,
    string Policy,
    int? HoldoutPercent,
    IReadOnlyList<double> QualityTargets,
    IReadOnlyDictionary<ModelTier, string> Tiers,
    int Seed)
{
    /// <summary>Requests each router remembers for per-query estimates (0: off).</summary>
    public int Neighbours { get; init; }

    /// <summary>
    /// When set, every evaluated task type joins one quality group with this target (a share of the best
    /// tiers' accuracy kept over the mix of task types) instead of holding its quality target on its own.
    /// </summary>
    public double? SharedQualityTarget { get; init; }

    /// <summary>
    /// When set, the standard deviations of a cascade's estimated shortfall from the best tier that the
    /// routers take off its accuracy before comparing it with the target (0: point estimates); else the
    /// routers' default.
    /// </summary>
    public double? QualityConfidence { get; init; }
}
