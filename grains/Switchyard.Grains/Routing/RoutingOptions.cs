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
        ["legal_analysis"] = new() { StartTier = ModelTier.Frontier, MaxTier = ModelTier.Frontier, AcceptConfidence = 0 },
    };

    /// <summary>The policy of every task type not in <see cref="TaskTypes"/>. Default: start mid, accept at ≥ 0.8, escalate to frontier.</summary>
    public TaskPolicyOptions Default { get; set; } = new();

    /// <summary>How often a router grain writes its statistics to storage. Default: 5 seconds.</summary>
    public TimeSpan StatisticsFlushInterval { get; set; } = TimeSpan.FromSeconds(5);
}
