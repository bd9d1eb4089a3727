namespace Switchyard.Routing;

/// <summary>A quality target shared by several task types, bound from <c>Switchyard:Routing:QualityGroups:&lt;group&gt;</c>.</summary>
public sealed class QualityGroupOptions
{
    /// <summary>
    /// The share of the members' best tiers' accuracy to keep over the group's traffic mix, in (0, 1].
    /// Default: 0.97.
    /// </summary>
    public double QualityTarget { get; set; } = 0.97;
}
