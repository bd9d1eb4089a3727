namespace Switchyard.Routing;

/// <summary>Cascade policies per task type, bound from <c>Switchyard:Routing</c>.</summary>
public sealed class RoutingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Switchyard:Routing";

    /// <summary>
    /// Policies by task type. Default: the classic table — <c>spam_detection</c> starts cheap and accepts
    /// at confidence ≥ 0.85; <c>summarization</c> starts cheap and accepts at ≥ 0.7; <c>legal_analysis</c>
    /// is frontier only. Configuration adds task types or overrides these.
    /// </summary>
    public Dictionary<string, TaskPolicyOptions> TaskTypes { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["spam_detection"] = new() { StartTier = ModelTier.Cheap, AcceptConfidence = 0.85 },
        ["summarization"] = new() { StartTier = ModelTier.Cheap, AcceptConfidence = 0.7 },
        ["legal_analysis"] = new() { StartTier = ModelTier.Frontier, MaxTier = ModelTier.Frontier, AcceptConfidence = 0, Pinned = true },
    };

    /// <summary>
    /// Quality targets shared by several task types (see <see cref="TaskPolicyOptions.QualityGroup"/>), by
    /// group name. Default: none.
    /// </summary>
    public Dictionary<string, QualityGroupOptions> QualityGroups { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How many of the most recent requests of a quality group its members' traffic shares describe
    /// (counts decayed by 1 − 1/window per request). Default: 10,000.
    /// </summary>
    public int QualityGroupWindow { get; set; } = 10_000;

    /// <summary>
    /// How many standard deviations of a cascade's estimated shortfall from the best tier the chooser takes
    /// off its estimated accuracy before comparing it with the quality target (in a quality group, also
    /// before reporting it), so that a cascade whose estimate rests on few labels must clear the target by
    /// a margin. 0: point estimates. Default: 0 (on RouterBench's inner folds every confidence above 0
    /// raised the cost far more than the accuracy; see docs/benchmarks.md).
    /// </summary>
    public double QualityConfidence { get; set; }

    /// <summary>The policy of every task type not in <see cref="TaskTypes"/>. Default: start mid, accept at ≥ 0.8, escalate to frontier.</summary>
    public TaskPolicyOptions Default { get; set; } = new();

    /// <summary>How often a router grain writes its statistics to storage. Default: 5 seconds.</summary>
    public TimeSpan StatisticsFlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The share of requests routed by an exploration step (a random start tier). Default: 0.05.</summary>
    public double ExplorationRate { get; set; } = 0.05;

    /// <summary>
    /// Labelled answers a tier needs before it is explored only at <see cref="ExplorationRate"/>; until then
    /// it is explored at <see cref="ColdExplorationRate"/>. Default: 20.
    /// </summary>
    public int MinimumLabels { get; set; } = 20;

    /// <summary>The exploration rate while a tier has fewer than <see cref="MinimumLabels"/> labels. Default: 0.3.</summary>
    public double ColdExplorationRate { get; set; } = 0.3;

    /// <summary>Seeds the exploration randomness for reproducible runs (evaluation); null: unseeded. Default: null.</summary>
    public int? ExplorationSeed { get; set; }

    /// <summary>How often each silo flushes its pre-aggregated outcomes to the router grains. Default: 1 second.</summary>
    public TimeSpan OutcomeFlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Labelled answers each canary arm needs before the canary is judged. Default: 30.</summary>
    public int CanaryMinimumLabels { get; set; } = 30;

    /// <summary>The p-value below which a canary's difference in error rates is significant. Default: 0.05.</summary>
    public double CanarySignificanceLevel { get; set; } = 0.05;

    /// <summary>
    /// The share of accepted answers below the plan's last tier that are also sent, off the request
    /// path, to the next stronger tier of the plan, whose agreement labels them. Default: 0 (off).
    /// </summary>
    public double AuditRate { get; set; }

    /// <summary>
    /// True to route each tenant's requests by its own router per task type (key
    /// <c>taskType/tenant</c>), which learns from that tenant's outcomes with the task type's router as
    /// its prior; the task type's router keeps learning from every tenant. Default: false.
    /// </summary>
    public bool PerTenant { get; set; }

    /// <summary>
    /// The most labels per tier and confidence band that the task type's statistics count for in a
    /// tenant's router: its prior's weight. Default: 20.
    /// </summary>
    public int TenantPriorWeight { get; set; } = 20;

    /// <summary>
    /// Requests each router remembers (signature and per-tier outcome), to estimate per request how
    /// likely each tier is to be right from the most similar earlier ones; that estimate is averaged
    /// into the tier's raw confidence. Bounded: a ring, the oldest forgotten first (265 bytes an
    /// entry). Default: 0 (off).
    /// </summary>
    public int NeighbourMemory { get; set; }

    /// <summary>How many of the most similar remembered requests labelled for a tier its estimate uses. Default: 15.</summary>
    public int Neighbours { get; set; } = 15;

    /// <summary>
    /// With a <see cref="NeighbourMemory"/>, a tier that the plan skips and that fewer than this share
    /// of the remembered requests are labelled for is explored at <see cref="ColdExplorationRate"/>, so
    /// that the memory keeps learning which queries it gets right. Default: 0.25.
    /// </summary>
    public double NeighbourLabelShare { get; set; } = 0.25;
}
