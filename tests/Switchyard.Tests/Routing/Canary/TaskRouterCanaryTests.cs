using Switchyard.Routing;
using Switchyard.Routing.Canary;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Routing.Canary;

[Collection(ClusterCollection.Name)]
public sealed class TaskRouterCanaryTests(ClusterFixture fixture)
{
    private const int Users = 600;

    private static readonly RouterSettings FrontierOnly = new(Pinned: true, StartTier: ModelTier.Frontier, MaxTier: ModelTier.Frontier);

    /// <summary>
    /// Simulated models: each tier answers right on a fixed share of the users' questions (cheap 60 %,
    /// mid and frontier 90 %), independent of the users' cohorts, which are a hash.
    /// </summary>
    private static bool IsRight(ModelTier tier, int user) => user % 10 < (tier == ModelTier.Cheap ? 6 : 9);

    /// <summary>
    /// Serves one request per user the way the completion path does: the user's cohort picks the arm,
    /// the plan's first tier answers and is served, and whether it was right comes back as feedback.
    /// </summary>
    private static async Task ServeAsync(ITaskRouterGrain router, string taskType)
    {
        for (var user = 0; user < Users; user++)
        {
            var plan = await router.GetPlanFor(CanaryCohort.Of(taskType, $"user-{user}", $"request-{user}"));
            var tier = plan.Tiers().First();
            var cost = 0.001m * (1 + ((int)tier * 10));
            await router.RecordOutcomes([new RouteOutcome([new TierAttempt(tier, 0.9, Accepted: true, "answer", cost)], plan.Canary)]);
            var label = IsRight(tier, user) ? OutcomeLabel.Right : OutcomeLabel.Wrong;
            await router.Learn([new RouteObservation(tier, 0.9, label, IsCall: false, 0m, Escalated: false, plan.Canary, Served: true)]);
        }
    }

    private async Task<ITaskRouterGrain> RouterWithCanaryAsync(string taskType, RouterSettings candidate, double share = 0.5)
    {
        var router = fixture.Grains.GetGrain<ITaskRouterGrain>(taskType);
        await router.Configure(FrontierOnly);
        Assert.NotNull(await router.StartCanary(candidate, share));
        return router;
    }

    [Fact]
    public async Task Canary_SameUser_AlwaysLandsInTheSameArm()
    {
        var taskType = $"canary-sticky-{Guid.NewGuid():N}";
        var router = await RouterWithCanaryAsync(taskType, new RouterSettings(StartTier: ModelTier.Cheap, MaxTier: ModelTier.Cheap), share: 0.3);

        var arms = new List<bool>();
        for (var user = 0; user < 200; user++)
        {
            var first = await router.GetPlanFor(CanaryCohort.Of(taskType, $"user-{user}", Guid.NewGuid().ToString()));
            var again = await router.GetPlanFor(CanaryCohort.Of(taskType, $"user-{user}", Guid.NewGuid().ToString()));

            Assert.NotNull(first.Canary);
            Assert.Equal(first.Canary, again.Canary);
            Assert.Equal(first.Canary.Candidate ? ModelTier.Cheap : ModelTier.Frontier, first.Tiers().Single());
            arms.Add(first.Canary.Candidate);
        }

        Assert.Contains(true, arms);
        Assert.Contains(false, arms);
    }

    [Fact]
    public async Task Canary_WhenTheCandidateIsClearlyWorse_IsSignificantAndRecommendsRollback()
    {
        var router = await RouterWithCanaryAsync("canary-worse", new RouterSettings(StartTier: ModelTier.Cheap, MaxTier: ModelTier.Cheap));

        await ServeAsync(router, "canary-worse");
        var report = await router.GetCanary();

        Assert.NotNull(report);
        Assert.Equal(Users, report.Control.Requests + report.CandidateArm.Requests);
        Assert.Equal(Users, report.Control.Right + report.Control.Wrong + report.CandidateArm.Right + report.CandidateArm.Wrong);
        Assert.True(report.CandidateArm.ErrorRate > report.Control.ErrorRate);
        Assert.True(report.CandidateArm.CostUsdPerCall < report.Control.CostUsdPerCall);
        Assert.True(report.Significant);
        Assert.True(report.PValue < 0.05);
        Assert.Equal("rollback", report.Verdict);
    }

    [Fact]
    public async Task Canary_WhenTheArmsAreEquallyRight_IsNotSignificant()
    {
        var router = await RouterWithCanaryAsync("canary-equal", new RouterSettings(StartTier: ModelTier.Mid, MaxTier: ModelTier.Mid));

        await ServeAsync(router, "canary-equal");
        var report = await router.GetCanary();

        Assert.NotNull(report);
        Assert.False(report.Significant);
        Assert.True(report.PValue > 0.05);

        // Equally right and cheaper per request: worth promoting.
        Assert.Equal("promote", report.Verdict);
    }

    [Fact]
    public async Task Promote_MakesTheCandidateThePolicy()
    {
        var taskType = $"canary-promote-{Guid.NewGuid():N}";
        var router = await RouterWithCanaryAsync(taskType, new RouterSettings(StartTier: ModelTier.Mid, MaxTier: ModelTier.Mid));
        Assert.Equal([ModelTier.Frontier], (await router.GetSnapshot()).Plan.Tiers());

        var promoted = await router.PromoteCanary();

        Assert.Equal("promoted", promoted?.Status);
        Assert.Null(await router.GetCanary());
        Assert.Equal([ModelTier.Mid], (await router.GetSnapshot()).Plan.Tiers());
        for (var user = 0; user < 50; user++)
        {
            var plan = await router.GetPlanFor(CanaryCohort.Of(taskType, $"user-{user}", "r"));
            Assert.Null(plan.Canary);
            Assert.Equal([ModelTier.Mid], plan.Tiers());
        }
    }

    [Fact]
    public async Task Rollback_RestoresThePolicyForEveryUser()
    {
        var taskType = $"canary-rollback-{Guid.NewGuid():N}";
        var router = await RouterWithCanaryAsync(taskType, new RouterSettings(StartTier: ModelTier.Cheap, MaxTier: ModelTier.Cheap));

        var rolledBack = await router.RollbackCanary();

        Assert.Equal("rolled_back", rolledBack?.Status);
        Assert.Null(await router.GetCanary());
        Assert.Null(await router.RollbackCanary());
        Assert.Equal([ModelTier.Frontier], (await router.GetSnapshot()).Plan.Tiers());
        for (var user = 0; user < 50; user++)
        {
            var plan = await router.GetPlanFor(CanaryCohort.Of(taskType, $"user-{user}", "r"));
            Assert.Null(plan.Canary);
            Assert.Equal([ModelTier.Frontier], plan.Tiers());
        }
    }

    [Fact]
    public async Task Canary_OfAModel_RoutesItsArmToThatModelAloneAndPromotesIt()
    {
        var taskType = $"canary-model-{Guid.NewGuid():N}";
        var router = await RouterWithCanaryAsync(taskType, new RouterSettings(Model: "sim-mid"));

        var plans = new List<RoutePlan>();
        for (var user = 0; user < 50; user++)
        {
            plans.Add(await router.GetPlanFor(CanaryCohort.Of(taskType, $"user-{user}", "r")));
        }

        Assert.All(plans.Where(p => p.Canary!.Candidate), p => Assert.Equal("sim-mid", p.Model));
        Assert.All(plans.Where(p => !p.Canary!.Candidate), p => Assert.Null(p.Model));
        await router.PromoteCanary();
        Assert.Equal("sim-mid", (await router.GetSnapshot()).Plan.Model);
    }

    [Fact]
    public async Task StartCanary_ForAnUnknownTaskType_IsRefused() =>
        Assert.Null(await fixture.Grains.GetGrain<ITaskRouterGrain>($"never-seen-{Guid.NewGuid():N}").StartCanary(new RouterSettings(Pinned: true), 0.1));

    [Fact]
    public async Task Canary_StateStaysBoundedHoweverLongItRuns()
    {
        var router = await RouterWithCanaryAsync("canary-bounded", new RouterSettings(StartTier: ModelTier.Cheap, MaxTier: ModelTier.Cheap));
        await ServeAsync(router, "canary-bounded");
        var before = (await router.GetSnapshot()).StateBytes;

        await ServeAsync(router, "canary-bounded");
        await ServeAsync(router, "canary-bounded");

        Assert.Equal(before, (await router.GetSnapshot()).StateBytes);
    }
}
