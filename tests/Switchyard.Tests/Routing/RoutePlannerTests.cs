using Switchyard.Routing;

namespace Switchyard.Tests.Routing;

public sealed class RoutePlannerTests
{
    private readonly RoutingOptions _options = new();

    [Theory]
    [InlineData("spam_detection", ModelTier.Cheap, ModelTier.Frontier, 0.85)]
    [InlineData("summarization", ModelTier.Cheap, ModelTier.Frontier, 0.7)]
    [InlineData("legal_analysis", ModelTier.Frontier, ModelTier.Frontier, 0.0)]
    [InlineData("anything_else", ModelTier.Mid, ModelTier.Frontier, 0.8)]
    public void PlanFor_FollowsTheClassicTable(string taskType, ModelTier start, ModelTier max, double accept)
    {
        var plan = RoutePlanner.PlanFor(taskType, _options);

        Assert.Equal(start, plan.StartTier);
        Assert.Equal(max, plan.MaxTier);
        Assert.Equal(accept, plan.AcceptConfidence);
    }

    [Fact]
    public void Tiers_OfLegalAnalysis_AreFrontierOnly()
    {
        Assert.Equal([ModelTier.Frontier], RoutePlanner.PlanFor("legal_analysis", _options).Tiers());
    }

    [Fact]
    public void PlanFor_WithMaxBelowStart_NeverEscalatesDownward()
    {
        _options.TaskTypes["odd"] = new TaskPolicyOptions { StartTier = ModelTier.Mid, MaxTier = ModelTier.Cheap };

        Assert.Equal([ModelTier.Mid], RoutePlanner.PlanFor("odd", _options).Tiers());
    }

    [Fact]
    public void RouterState_Apply_CountsCallsAcceptsAndEscalations()
    {
        var state = new RouterState();

        state.Apply(new RouteOutcome([new TierAttempt(ModelTier.Cheap, 0.4, false), new TierAttempt(ModelTier.Mid, 0.9, true)]));
        state.Apply(new RouteOutcome([new TierAttempt(ModelTier.Cheap, 0.95, true)]));

        var stats = state.ToStatistics().ToList();
        Assert.Equal(new TierStatistics(ModelTier.Cheap, 2, 1, 1), stats[0]);
        Assert.Equal(new TierStatistics(ModelTier.Mid, 1, 1, 0), stats[1]);
    }
}
