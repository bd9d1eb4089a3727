using Switchyard.Routing;
using Switchyard.Routing.Learning;

namespace Switchyard.Tests.Routing.Learning;

public sealed class PolicyChooserTests
{
    private static TierEstimate Tier(ModelTier tier, decimal cost, double accuracy, double confidence = 0.95, int answers = 200, double escalatedAccuracy = -1)
    {
        var learning = new TierLearning();
        for (var i = 0; i < answers; i++)
        {
            var right = i < accuracy * answers;
            learning.Add(new RouteObservation(tier, confidence, right ? OutcomeLabel.Right : OutcomeLabel.Wrong, IsCall: true, cost));
        }

        TierLearning? escalated = null;
        if (escalatedAccuracy >= 0)
        {
            escalated = new TierLearning();
            for (var i = 0; i < answers; i++)
            {
                escalated.Add(new RouteObservation(tier, confidence, i < escalatedAccuracy * answers ? OutcomeLabel.Right : OutcomeLabel.Wrong, IsCall: true, cost, Escalated: true));
            }
        }

        return new TierEstimate(tier, learning, cost, escalated);
    }

    [Fact]
    public void Choose_WhenCheapIsAsGoodAsFrontier_ServesCheapAlone()
    {
        var policy = PolicyChooser.Choose([Tier(ModelTier.Cheap, 0.001m, 1.0), Tier(ModelTier.Mid, 0.01m, 1.0), Tier(ModelTier.Frontier, 0.1m, 1.0)], 0.97);

        Assert.Equal([ModelTier.Cheap], policy.Sequence);
    }

    [Fact]
    public void Choose_WhenCheapIsAlwaysWrong_ServesFrontier()
    {
        var policy = PolicyChooser.Choose([Tier(ModelTier.Cheap, 0.001m, 0.0), Tier(ModelTier.Frontier, 0.1m, 0.95)], 0.97);

        Assert.Equal(ModelTier.Frontier, policy.StartTier);
        Assert.Equal([ModelTier.Frontier], policy.Sequence);
    }

    [Fact]
    public void Choose_WithAnInformativeConfidence_EscalatesOnlyTheUnsureAnswers()
    {
        // Cheap is right when it says 0.95 and wrong when it says 0.15: accept ≥ some band between them.
        var cheap = new TierLearning();
        for (var i = 0; i < 400; i++)
        {
            var sure = i % 2 == 0;
            cheap.Add(new RouteObservation(ModelTier.Cheap, sure ? 0.95 : 0.15, sure ? OutcomeLabel.Right : OutcomeLabel.Wrong, IsCall: true, 0.001m));
        }

        var policy = PolicyChooser.Choose([new TierEstimate(ModelTier.Cheap, cheap, 0.001m), Tier(ModelTier.Frontier, 0.1m, 1.0)], 0.97);

        Assert.Equal([ModelTier.Cheap, ModelTier.Frontier], policy.Sequence);
        Assert.InRange(policy.Thresholds[(int)ModelTier.Cheap], 0.2, 0.9);
        Assert.InRange((double)policy.ExpectedCostUsd, 0.05, 0.052);
    }

    [Fact]
    public void Choose_UsesTheHarderEscalatedAccuracy_ForTiersReachedByEscalation()
    {
        // Frontier is 95% right in general but only 40% on what cheap escalates: the cascade cannot
        // reach the target, so frontier alone is chosen.
        var cheap = new TierLearning();
        for (var i = 0; i < 400; i++)
        {
            var sure = i % 2 == 0;
            cheap.Add(new RouteObservation(ModelTier.Cheap, sure ? 0.95 : 0.15, sure ? OutcomeLabel.Right : OutcomeLabel.Wrong, IsCall: true, 0.001m));
        }

        var policy = PolicyChooser.Choose(
            [new TierEstimate(ModelTier.Cheap, cheap, 0.001m), Tier(ModelTier.Frontier, 0.1m, 0.95, escalatedAccuracy: 0.4)], 0.97);

        Assert.Equal([ModelTier.Frontier], policy.Sequence);
    }

    [Fact]
    public void Choose_WhenACascadeClearsTheTargetOnlyOnItsEstimate_RejectsItAtAConfidence()
    {
        // Cheap: 29 of 30 right (estimate about 0.95); frontier: 192 of 200 (about 0.96). On the estimates
        // cheap alone keeps 97 % of frontier's accuracy; with 30 labels its estimate is too uncertain to
        // keep it two standard deviations down.
        TierEstimate[] tiers = [Tier(ModelTier.Cheap, 0.001m, 0.96, answers: 30), Tier(ModelTier.Frontier, 0.1m, 0.96)];

        var onEstimates = PolicyChooser.Choose(tiers, 0.97, confidence: 0);
        var onBounds = PolicyChooser.Choose(tiers, 0.97, confidence: 2);

        Assert.Equal([ModelTier.Cheap], onEstimates.Sequence);
        Assert.Equal(onEstimates.ExpectedAccuracy, onEstimates.AccuracyLowerBound);
        Assert.Equal([ModelTier.Frontier], onBounds.Sequence);
    }

    [Fact]
    public void Choose_AsLabelsGrow_TheBoundConvergesToTheEstimate()
    {
        TierEstimate[] tiers = [Tier(ModelTier.Cheap, 0.001m, 0.96, answers: 3000), Tier(ModelTier.Frontier, 0.1m, 0.97, answers: 3000)];

        var policy = PolicyChooser.Choose(tiers, 0.97, confidence: 2);

        Assert.Equal([ModelTier.Cheap], policy.Sequence);
        Assert.InRange(policy.ExpectedAccuracy - policy.AccuracyLowerBound, 0.001, 0.015);
    }

    [Fact]
    public void Choose_TheBestTierAlone_KeepsItsEstimate()
    {
        // Its shortfall from itself is certain to be zero, so it always meets a target of at most 1.
        var policy = PolicyChooser.Choose([Tier(ModelTier.Cheap, 0.001m, 0.0), Tier(ModelTier.Frontier, 0.1m, 0.9, answers: 10)], 1.0, confidence: 3);

        Assert.Equal([ModelTier.Frontier], policy.Sequence);
        Assert.Equal(policy.ExpectedAccuracy, policy.AccuracyLowerBound, 12);
    }

    [Fact]
    public void Frontier_AtAConfidence_ReportsTheLowerBounds()
    {
        TierEstimate[] tiers = [Tier(ModelTier.Cheap, 0.001m, 0.9, answers: 30), Tier(ModelTier.Frontier, 0.1m, 0.96)];

        var onEstimates = PolicyChooser.Frontier(tiers, 0);
        var onBounds = PolicyChooser.Frontier(tiers, 1);

        Assert.Equal(onEstimates[0].CostUsd, onBounds[0].CostUsd);
        Assert.True(onBounds[0].Accuracy < onEstimates[0].Accuracy - 0.02, $"{onBounds[0].Accuracy} vs {onEstimates[0].Accuracy}");
        Assert.Equal(onEstimates[^1].Accuracy, onBounds[^1].Accuracy, 12);
    }

    [Fact]
    public void Explore_IsDeterministicForASeed_AndAtTheConfiguredRate()
    {
        var chosen = PolicyChooser.Choose([Tier(ModelTier.Cheap, 0.001m, 0.0), Tier(ModelTier.Frontier, 0.1m, 0.95)], 0.97);
        ModelTier[] tiers = [ModelTier.Cheap, ModelTier.Frontier];

        var a = new Random(42);
        var b = new Random(42);
        var runA = Enumerable.Range(0, 1000).Select(_ => PolicyChooser.Explore(chosen, tiers, 0.1, a)?.StartTier).ToList();
        var runB = Enumerable.Range(0, 1000).Select(_ => PolicyChooser.Explore(chosen, tiers, 0.1, b)?.StartTier).ToList();

        Assert.Equal(runA, runB);
        Assert.InRange(runA.Count(t => t is not null), 70, 130);
        Assert.Contains(ModelTier.Cheap, runA);
    }
}
