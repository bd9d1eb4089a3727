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
}
