using Switchyard.Routing;
using Switchyard.Routing.Learning;

namespace Switchyard.Tests.Routing.Learning;

public sealed class QualityAllocationTests
{
    private static AllocationMember Member(string name, double weight, double best, params (double Accuracy, double Cost)[] points) =>
        new(name, weight, best, OperatingFrontier.Of(points.Select(p => new OperatingPoint(p.Accuracy, p.Cost))));

    [Fact]
    public void Allocate_WhenOneTaskTypesCheapCascadeKeepsMoreThanTheTarget_ItsSurplusPaysForTheOthersDeficit()
    {
        // Held per task type, "hard" needs its dear point (0.86 is only 95.6 % of 0.90): 0.011 per pair.
        // Over the mix, 0.94 + 0.86 = 1.80 ≥ 0.97 × (0.95 + 0.90) = 1.7945: both cheap, 0.002 per pair.
        var easy = Member("easy", 1, 0.95, (0.94, 0.001), (0.95, 0.010));
        var hard = Member("hard", 1, 0.90, (0.86, 0.001), (0.90, 0.010));

        var outcome = QualityAllocation.Allocate([easy, hard], 0.97);

        Assert.True(outcome.Feasible);
        Assert.Equal([0, 0], outcome.Choices);
        Assert.Equal(0, outcome.PricePerError);
        Assert.Equal(0.001, outcome.CostUsd, 9);
        Assert.True(outcome.QualityShare >= 0.97);
        Assert.True(QualityGroupMembers.ShareOf(hard.Frontier[0].Accuracy, hard.BestAccuracy) < 0.97);
    }

    [Fact]
    public void Allocate_BuysAccuracyWhereItIsCheapest()
    {
        // One more point of accuracy costs 0.18 per unit on "dear" and 0.09 on "cheap": the target needs one
        // step, and the cheaper step is the one taken, at exactly its price.
        var dear = Member("dear", 1, 0.95, (0.90, 0.001), (0.95, 0.010));
        var cheap = Member("cheap", 1, 0.90, (0.80, 0.001), (0.90, 0.010));

        var outcome = QualityAllocation.Allocate([dear, cheap], 0.97);

        Assert.True(outcome.Feasible);
        Assert.Equal([0, 1], outcome.Choices);
        Assert.Equal(0.09, outcome.PricePerError, 9);
        Assert.Equal(0.0055, outcome.CostUsd, 9);
    }

    [Fact]
    public void Allocate_WhenEvenTheMostAccurateChoiceMissesTheTarget_RunsEveryMembersMostAccuratePoint()
    {
        var a = Member("a", 1, 0.99, (0.80, 0.001), (0.90, 0.010), (0.95, 0.030));
        var b = Member("b", 3, 0.99, (0.70, 0.001), (0.85, 0.020));

        var outcome = QualityAllocation.Allocate([a, b], 0.99);

        Assert.False(outcome.Feasible);
        Assert.Equal([2, 1], outcome.Choices);
    }

    [Fact]
    public void Allocate_WeighsEachTaskTypeByItsTraffic()
    {
        // Accuracy is cheap to buy on "b" and dear on "a". When "b" carries most of the traffic, its step
        // alone meets the target; when "a" does, "a" has to step up too.
        (double, double)[] a = [(0.80, 0.001), (0.90, 0.010)];
        (double, double)[] b = [(0.80, 0.001), (0.90, 0.002)];

        var mostlyB = QualityAllocation.Allocate([Member("a", 1, 0.90, a), Member("b", 9, 0.90, b)], 0.94);
        var mostlyA = QualityAllocation.Allocate([Member("a", 9, 0.90, a), Member("b", 1, 0.90, b)], 0.94);

        Assert.Equal([0, 1], mostlyB.Choices);
        Assert.Equal([1, 1], mostlyA.Choices);
        Assert.True(mostlyA.PricePerError > mostlyB.PricePerError);
    }

    [Fact]
    public void Allocate_WhenMembersTieAtThePrice_StepsUpOnlyAsManyAsTheTargetNeeds()
    {
        (double, double)[] points = [(0.80, 0.001), (0.90, 0.011)];

        var outcome = QualityAllocation.Allocate([Member("a", 1, 0.90, points), Member("b", 1, 0.90, points)], 0.94);

        Assert.Equal(1, outcome.Choices.Count(c => c == 1));
        Assert.Equal(1, outcome.Choices.Count(c => c == 0));
        Assert.Equal(0.1, outcome.PricePerError, 9);
    }

    [Fact]
    public void Allocate_WithoutAnyTraffic_CountsEveryMemberEqually()
    {
        var outcome = QualityAllocation.Allocate(
            [Member("a", 0, 0.90, (0.80, 0.001), (0.90, 0.010)), Member("b", 0, 0.90, (0.89, 0.001), (0.90, 0.010))], 0.96);

        // 0.80 + 0.89 < 0.96 × 1.8 = 1.728, and "a" stepping up (0.90 + 0.89 = 1.79) meets it at the lower price.
        Assert.Equal([1, 0], outcome.Choices);
    }

    [Fact]
    public void Frontier_DropsDominatedAndNonConvexPoints()
    {
        var frontier = OperatingFrontier.Of([
            new OperatingPoint(0.80, 0.001),
            new OperatingPoint(0.79, 0.002), // dearer and less accurate
            new OperatingPoint(0.82, 0.009), // under the line from (0.80, 0.001) to (0.90, 0.010)
            new OperatingPoint(0.90, 0.010),
            new OperatingPoint(0.95, 0.030),
        ]);

        Assert.Equal([0.80, 0.90, 0.95], frontier.Select(p => p.Accuracy));
    }

    [Fact]
    public void Members_AgeEveryShareByTheRequestsReported()
    {
        var members = new QualityGroupMembers(window: 10);
        members.Apply(new QualityReport("a", 10, 0.9, [new OperatingPoint(0.9, 0.01)]));
        members.Apply(new QualityReport("b", 10, 0.9, [new OperatingPoint(0.9, 0.01)]));

        var (allocated, _) = members.Allocate(0.97);

        Assert.Equal(10 * Math.Pow(0.9, 10), allocated.Single(m => m.Name == "a").Weight, 9);
        Assert.Equal(10, allocated.Single(m => m.Name == "b").Weight, 9);
    }
}
