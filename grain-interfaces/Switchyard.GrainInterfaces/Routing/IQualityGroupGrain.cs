using Orleans.Concurrency;

namespace Switchyard.Routing;

/// <summary>
/// Shares one quality target across several task types (key: the group, see
/// <see cref="GrainKeys.QualityGroup"/>): it prices an error once for the whole group, so the task types
/// where accuracy is cheap keep more of it and pay for those where it is dear. Members pull their
/// allocation when they report; the group never calls them.
/// </summary>
[Alias("switchyard.routing.IQualityGroupGrain")]
public interface IQualityGroupGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes a member's latest frontier and traffic, re-allocates, and returns the member's share of
    /// the target; null when the member does not belong to the group (or the group is not configured).
    /// </summary>
    [Alias("Report")]
    Task<QualityAllocationResult?> Report(QualityReport report);

    /// <summary>Forgets a member that no longer takes part (pinned, or given a target of its own).</summary>
    [Alias("Leave")]
    Task Leave(string taskType);

    /// <summary>The current allocation; null when the group is not configured.</summary>
    [ReadOnly, Alias("GetSnapshot")]
    Task<QualityGroupSnapshot?> GetSnapshot();
}
