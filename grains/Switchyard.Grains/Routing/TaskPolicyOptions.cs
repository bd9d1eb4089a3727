using Switchyard.Routing.Confidence;

namespace Switchyard.Routing;

/// <summary>The cascade policy of one task type, bound from <c>Switchyard:Routing:TaskTypes:&lt;task type&gt;</c>.</summary>
public sealed class TaskPolicyOptions
{
    /// <summary>The first tier tried. Default: <c>mid</c>.</summary>
    public ModelTier StartTier { get; set; } = ModelTier.Mid;

    /// <summary>The highest tier an escalation may reach. Default: <c>frontier</c>.</summary>
    public ModelTier MaxTier { get; set; } = ModelTier.Frontier;

    /// <summary>The lowest confidence accepted without escalating, in [0, 1]. Default: 0.8.</summary>
    public double AcceptConfidence { get; set; } = 0.8;

    /// <summary>
    /// The accuracy the learned policy must keep, as a share of the best tier's learned accuracy, in
    /// (0, 1]. Default: 0.97.
    /// </summary>
    public double QualityTarget { get; set; } = 0.97;

    /// <summary>
    /// True to keep this policy exactly as configured: no learning, no exploration. Default: false
    /// (<c>legal_analysis</c> is pinned by default).
    /// </summary>
    public bool Pinned { get; set; }

    /// <summary>
    /// The quality group (a key of <see cref="RoutingOptions.QualityGroups"/>) whose target this task type
    /// shares with the group's other task types: the group decides how much of it this one keeps, and
    /// <see cref="QualityTarget"/> only holds until the group has heard from it. Ignored while the task
    /// type is pinned or its target was set through the admin API. Default: null (its own target).
    /// </summary>
    public string? QualityGroup { get; set; }

    /// <summary>Where answer confidence comes from: <c>Provider</c>, <c>SelfReported</c> or <c>Logprobs</c>. Default: <c>Provider</c>.</summary>
    public ConfidenceSource Confidence { get; set; }
}
