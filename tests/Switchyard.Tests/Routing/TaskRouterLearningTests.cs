using Switchyard.Routing;
using Switchyard.Routing.Learning;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Routing;

[Collection(ClusterCollection.Name)]
public sealed class TaskRouterLearningTests(ClusterFixture fixture)
{
    private const int Bound = 150;

    /// <summary>
    /// Serves <paramref name="requests"/> requests the way the completion path does — every third one
    /// is an exploration step on one tier, in turn (the cluster's random exploration is off) — follow the plan,
    /// escalate below the threshold, tell the router what happened and, as feedback, whether the
    /// served answer was right. Returns the request after which the best plan became <paramref name="goal"/>.
    /// </summary>
    internal static async Task<int?> LearnAsync(ITaskRouterGrain router, Func<ModelTier, bool> isRight, ModelTier[] goal, int requests = Bound)
    {
        for (var i = 1; i <= requests; i++)
        {
            var plan = i % 3 == 0
                ? new RoutePlan("explore", (ModelTier)(i / 3 % 3), (ModelTier)(i / 3 % 3), 0, Thresholds: [], Exploring: true, Sequence: [])
                : await router.GetPlan();
            var tiers = plan.Tiers().ToList();
            var attempts = new List<TierAttempt>();
            foreach (var tier in tiers)
            {
                var accepted = tier == tiers[^1] || 0.9 >= plan.AcceptConfidenceFor(tier);
                attempts.Add(new TierAttempt(tier, 0.9, accepted, AnswerKey.Of(isRight(tier) ? "right" : $"wrong {tier}"), 0.001m * (1 + (int)tier * 10)));
                if (accepted)
                {
                    break;
                }
            }

            var served = attempts[^1];
            var label = isRight(served.Tier) ? OutcomeLabel.Right : OutcomeLabel.Wrong;
            await router.Learn([
                .. OutcomeObservations.Of(new RouteOutcome([.. attempts])),
                new RouteObservation(served.Tier, served.Confidence, label, IsCall: false, 0m, attempts.Count > 1)]);

            if ((await router.GetSnapshot()).Plan.Tiers().SequenceEqual(goal))
            {
                return i;
            }
        }

        return null;
    }

    [Fact]
    public async Task Router_WhenCheapAnswersAreAlwaysRight_MovesToCheapWithinABound()
    {
        var router = fixture.Grains.GetGrain<ITaskRouterGrain>($"always-right-{Guid.NewGuid():N}");

        var after = await LearnAsync(router, _ => true, [ModelTier.Cheap]);

        Assert.NotNull(after);
        Assert.InRange(after.Value, 1, Bound);
    }

    [Fact]
    public async Task Router_WhenCheapAndMidAnswersAreAlwaysWrong_MovesToFrontierWithinABound()
    {
        var router = fixture.Grains.GetGrain<ITaskRouterGrain>($"always-wrong-{Guid.NewGuid():N}");

        var after = await LearnAsync(router, tier => tier == ModelTier.Frontier, [ModelTier.Frontier]);

        Assert.NotNull(after);
        var snapshot = await router.GetSnapshot();
        Assert.True(snapshot.Learning.Single(t => t.Tier == ModelTier.Cheap).Accuracy < snapshot.Learning.Single(t => t.Tier == ModelTier.Frontier).Accuracy);
    }

    [Fact]
    public async Task Router_WhenPinned_KeepsItsPolicyWhateverItLearns()
    {
        var router = fixture.Grains.GetGrain<ITaskRouterGrain>(GrainKeys.Router("legal_analysis"));

        var after = await LearnAsync(router, _ => true, [ModelTier.Cheap], requests: 40);

        Assert.Null(after);
        Assert.Equal([ModelTier.Frontier], (await router.GetPlan()).Tiers());
        Assert.True((await router.GetSnapshot()).Pinned);
    }

    [Fact]
    public async Task Configure_PinsAndSetsTheQualityTarget()
    {
        var router = fixture.Grains.GetGrain<ITaskRouterGrain>($"configured-{Guid.NewGuid():N}");

        var snapshot = await router.Configure(new RouterSettings(QualityTarget: 0.9, Pinned: true, StartTier: ModelTier.Mid, MaxTier: ModelTier.Mid));

        Assert.True(snapshot.Pinned);
        Assert.Equal(0.9, snapshot.QualityTarget);
        Assert.Equal([ModelTier.Mid], (await router.GetPlan()).Tiers());
        Assert.True(snapshot.StateBytes > 0);
    }
}
