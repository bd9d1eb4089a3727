using Microsoft.Extensions.Options;
using Switchyard.Routing.Learning;

namespace Switchyard.Routing;

/// <summary>
/// One quality group. Not reentrant: reports are applied one at a time, so each member gets an
/// allocation computed from a consistent picture. Members pull their allocation when they report (each
/// time they re-choose their policy), so the group needs no timer and replays deterministically. The
/// state lives in memory only and is small (per member a frontier of a few points): after a restart
/// members hold their own targets until their next report rebuilds it.
/// </summary>
public sealed class QualityGroupGrain(IOptionsMonitor<RoutingOptions> options) : Grain, IQualityGroupGrain
{
    private QualityGroupMembers? _members;
    private QualityGroupSnapshot? _last;

    private string Group => this.GetPrimaryKeyString();

    private QualityGroupMembers Members => _members ??= new QualityGroupMembers(options.CurrentValue.QualityGroupWindow);

    Task<QualityAllocationResult?> IQualityGroupGrain.Report(QualityReport report)
    {
        if (Target() is not { } target || !IsMember(report.TaskType))
        {
            return Task.FromResult<QualityAllocationResult?>(null);
        }

        Members.Apply(report);
        var (members, outcome) = Allocate(target);
        var index = members.ToList().FindIndex(m => string.Equals(m.Name, report.TaskType, StringComparison.OrdinalIgnoreCase));
        var allocated = _last!.Members[index];
        return Task.FromResult<QualityAllocationResult?>(new QualityAllocationResult(
            Group, target, outcome.PricePerError, allocated.FrontierPoints > 0 ? allocated.AllocatedQualityTarget : target, outcome.Feasible));
    }

    Task IQualityGroupGrain.Leave(string taskType)
    {
        if (Members.Remove(taskType) && Target() is { } target)
        {
            Allocate(target);
        }

        return Task.CompletedTask;
    }

    Task<QualityGroupSnapshot?> IQualityGroupGrain.GetSnapshot() =>
        Task.FromResult(Target() is { } target ? _last ?? new QualityGroupSnapshot(Group, target, 0, 0, 0, true, []) : null);

    private (IReadOnlyList<AllocationMember> Members, AllocationOutcome Outcome) Allocate(double target)
    {
        var (members, outcome) = Members.Allocate(target);
        _last = new QualityGroupSnapshot(
            Group, target, outcome.PricePerError, outcome.QualityShare, outcome.CostUsd, outcome.Feasible, QualityGroupMembers.Describe(members, outcome));
        return (members, outcome);
    }

    private double? Target() =>
        options.CurrentValue.QualityGroups.TryGetValue(Group, out var group) ? group.QualityTarget : null;

    /// <summary>Only task types configured for this group take part, which bounds the members by the configuration.</summary>
    private bool IsMember(string taskType)
    {
        var current = options.CurrentValue;
        var policy = current.TaskTypes.GetValueOrDefault(taskType) ?? current.Default;
        return policy.QualityGroup is { } group && GrainKeys.QualityGroup(group) == Group;
    }
}
