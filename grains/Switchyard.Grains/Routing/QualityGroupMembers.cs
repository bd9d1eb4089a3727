using System.Collections.Immutable;
using Switchyard.Routing.Learning;

namespace Switchyard.Routing;

/// <summary>
/// What a quality group knows of its members: each one's latest frontier and best accuracy, and its
/// share of the group's recent traffic. The shares are counts decayed on the group's own clock — every
/// request any member reports ages every count by a factor (1 − 1/window) — so they follow the current
/// mix, stay bounded by the window, and are the same on every replay of the same traffic.
/// </summary>
/// <param name="window">The number of recent requests the traffic shares describe.</param>
public sealed class QualityGroupMembers(int window)
{
    private readonly SortedDictionary<string, Member> _members = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The members heard from.</summary>
    public int Count => _members.Count;

    /// <summary>Takes a member's report: ages every share by its requests, then adds them to its own.</summary>
    public void Apply(QualityReport report)
    {
        var requests = Math.Max(0, report.Requests);
        var decay = Math.Pow(1 - (1.0 / Math.Max(1, window)), requests);
        foreach (var member in _members.Values)
        {
            member.Weight *= decay;
        }

        if (!_members.TryGetValue(report.TaskType, out var reporter))
        {
            _members[report.TaskType] = reporter = new Member();
        }

        reporter.Weight += requests;
        reporter.BestAccuracy = report.BestAccuracy;
        reporter.Frontier = report.Frontier.IsDefault ? [] : OperatingFrontier.Of(report.Frontier);
    }

    /// <summary>Forgets a member.</summary>
    public bool Remove(string taskType) => _members.Remove(taskType);

    /// <summary>Allocates <paramref name="target"/> over the members, in name order.</summary>
    public (IReadOnlyList<AllocationMember> Members, AllocationOutcome Outcome) Allocate(double target)
    {
        List<AllocationMember> members = [.. _members.Select(m => new AllocationMember(m.Key, m.Value.Weight, m.Value.BestAccuracy, m.Value.Frontier))];
        return (members, QualityAllocation.Allocate(members, target));
    }

    /// <summary>Per member, what it is allocated under <paramref name="outcome"/>.</summary>
    public static ImmutableArray<QualityGroupMemberSnapshot> Describe(IReadOnlyList<AllocationMember> members, AllocationOutcome outcome) =>
        [.. members.Select((m, i) => outcome.Choices[i] is var choice and >= 0
            ? new QualityGroupMemberSnapshot(m.Name, m.Weight, m.BestAccuracy, m.Frontier[choice].Accuracy, ShareOf(m.Frontier[choice].Accuracy, m.BestAccuracy), m.Frontier[choice].CostUsd, m.Frontier.Count)
            : new QualityGroupMemberSnapshot(m.Name, m.Weight, m.BestAccuracy, 0, 0, 0, 0))];

    /// <summary>An accuracy as a share of the best tier's, the form a router's chooser takes.</summary>
    public static double ShareOf(double accuracy, double best) => best > 0 ? accuracy / best : 1;

    private sealed class Member
    {
        public double Weight { get; set; }

        public double BestAccuracy { get; set; }

        public IReadOnlyList<OperatingPoint> Frontier { get; set; } = [];
    }
}
