using Switchyard.Routing.Canary;

namespace Switchyard.Tests.Routing.Canary;

public sealed class CanaryJudgeTests
{
    private static CanaryState Canary(long controlWrong, long controlRight, decimal controlCost, long candidateWrong, long candidateRight, decimal candidateCost) => new()
    {
        Share = 0.5,
        Control = new CanaryArm { Requests = 100, Wrong = controlWrong, Right = controlRight, CostUsd = controlCost },
        CandidateArm = new CanaryArm { Requests = 100, Wrong = candidateWrong, Right = candidateRight, CostUsd = candidateCost },
    };

    [Fact]
    public void Judge_BeforeEnoughLabels_IsCollecting()
    {
        var verdict = CanaryJudge.Judge(Canary(1, 9, 1m, 9, 1, 1m), minimumLabels: 30, significanceLevel: 0.05);

        Assert.Equal("collecting", verdict.Verdict);
        Assert.False(verdict.Significant);
    }

    [Fact]
    public void Judge_WhenTheCandidateErrsClearlyMore_RollsBack()
    {
        var verdict = CanaryJudge.Judge(Canary(10, 90, 1m, 40, 60, 0.1m), minimumLabels: 30, significanceLevel: 0.05);

        Assert.Equal("rollback", verdict.Verdict);
        Assert.True(verdict.Significant);
        Assert.True(verdict.PValue < 0.05);
    }

    [Fact]
    public void Judge_WhenTheCandidateErrsClearlyLess_Promotes()
    {
        var verdict = CanaryJudge.Judge(Canary(40, 60, 1m, 10, 90, 2m), minimumLabels: 30, significanceLevel: 0.05);

        Assert.Equal("promote", verdict.Verdict);
        Assert.True(verdict.Significant);
    }

    [Fact]
    public void Judge_WithEqualErrors_PromotesOnlyACheaperCandidate()
    {
        var cheaper = CanaryJudge.Judge(Canary(10, 90, 1m, 11, 89, 0.5m), minimumLabels: 30, significanceLevel: 0.05);
        var dearer = CanaryJudge.Judge(Canary(10, 90, 1m, 11, 89, 1.5m), minimumLabels: 30, significanceLevel: 0.05);

        Assert.False(cheaper.Significant);
        Assert.Equal("promote", cheaper.Verdict);
        Assert.False(dearer.Significant);
        Assert.Equal("no_difference", dearer.Verdict);
    }
}
