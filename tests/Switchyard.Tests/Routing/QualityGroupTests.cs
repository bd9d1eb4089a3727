using Switchyard.Routing;
using Switchyard.Routing.Learning;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Routing;

[Collection(ClusterCollection.Name)]
public sealed class QualityGroupTests(ClusterFixture fixture)
{
    private static readonly decimal[] Costs = [0.001m, 0.011m, 0.021m];

    /// <summary>
    /// Routes <paramref name="requests"/> requests through <paramref name="router"/> the way the
    /// completion path reports them, each tier in turn, every answer at confidence 0.9; the cheap and mid
    /// tiers are wrong on every <paramref name="wrongEvery"/>-th of their requests (0: never), frontier never.
    /// </summary>
    private static async Task FeedAsync(ITaskRouterGrain router, int requests, int wrongEvery)
    {
        for (var i = 0; i < requests; i++)
        {
            var tier = (ModelTier)(i % 3);
            var right = tier == ModelTier.Frontier || wrongEvery == 0 || (i / 3) % wrongEvery != 0;
            var attempt = new TierAttempt(tier, 0.9, Accepted: true, AnswerKey.Of("answer"), Costs[(int)tier]);
            await router.RecordOutcomes([new RouteOutcome([attempt])]);
            await router.Learn([new RouteObservation(tier, 0.9, right ? OutcomeLabel.Right : OutcomeLabel.Wrong, IsCall: false, 0m)]);
        }
    }

    [Fact]
    public async Task Routers_InAGroup_SettleOnTheAllocation_WhereTheEasyTaskTypesSurplusPaysForTheHardOnesCheapTier()
    {
        // "mix-hard"'s cheap tier is right 95 % of the time: on its own target (97 % of frontier's) it would
        // need frontier, as the ungrouped control does. "mix-easy"'s cheap tier is always right, which keeps
        // the mix above 97 % with both task types on cheap.
        var easy = fixture.Grains.GetGrain<ITaskRouterGrain>(GrainKeys.Router("mix-easy"));
        var hard = fixture.Grains.GetGrain<ITaskRouterGrain>(GrainKeys.Router("mix-hard"));
        var control = fixture.Grains.GetGrain<ITaskRouterGrain>($"mix-control-{Guid.NewGuid():N}");

        await FeedAsync(control, 600, wrongEvery: 20);
        await FeedAsync(easy, 600, wrongEvery: 0);
        await FeedAsync(hard, 600, wrongEvery: 20);
        await FeedAsync(easy, 3, wrongEvery: 0); // hears the allocation made once "mix-hard" reported

        Assert.Equal([ModelTier.Frontier], (await control.GetSnapshot()).Plan.Tiers());
        var hardSnapshot = await hard.GetSnapshot();
        var easySnapshot = await easy.GetSnapshot();
        Assert.Equal([ModelTier.Cheap], hardSnapshot.Plan.Tiers());
        Assert.Equal([ModelTier.Cheap], easySnapshot.Plan.Tiers());
        Assert.Equal("mix", hardSnapshot.QualityGroup);
        Assert.True(hardSnapshot.AllocatedQualityTarget < 0.97, $"allocated {hardSnapshot.AllocatedQualityTarget}");
        Assert.True(easySnapshot.AllocatedQualityTarget >= 0.97, $"allocated {easySnapshot.AllocatedQualityTarget}");
        Assert.Equal(0.97, hardSnapshot.QualityTarget);

        var group = await fixture.Grains.GetGrain<IQualityGroupGrain>(GrainKeys.QualityGroup("mix")).GetSnapshot();
        Assert.NotNull(group);
        Assert.True(group.Feasible);
        Assert.Equal(["mix-easy", "mix-hard"], group.Members.Select(m => m.TaskType));
        Assert.True(group.ExpectedQualityShare >= 0.97, $"share {group.ExpectedQualityShare}");
        Assert.Equal(0.001, group.ExpectedCostUsd, 6);
    }

    [Fact]
    public async Task Group_RefusesATaskTypeThatIsNotItsMember()
    {
        var group = fixture.Grains.GetGrain<IQualityGroupGrain>(GrainKeys.QualityGroup("mix"));

        var allocation = await group.Report(new QualityReport("summarization", 10, 0.9, [new OperatingPoint(0.9, 0.01)]));

        Assert.Null(allocation);
        Assert.Null(await fixture.Grains.GetGrain<IQualityGroupGrain>("unconfigured").GetSnapshot());
    }
}
