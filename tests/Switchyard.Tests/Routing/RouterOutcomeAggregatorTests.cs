using Switchyard.Routing;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Routing;

[Collection(ClusterCollection.Name)]
public sealed class RouterOutcomeAggregatorTests(ClusterFixture fixture)
{
    private static RouteOutcome Outcome(ModelTier tier) => new([new TierAttempt(tier, 0.9, Accepted: true, "key", 0.001m)]);

    [Fact]
    public async Task Flush_SendsEachTaskTypesOutcomesToItsRouterInOneBatch()
    {
        var aggregator = new RouterOutcomeAggregator();
        var first = $"aggregated-{Guid.NewGuid():N}";
        var second = $"aggregated-{Guid.NewGuid():N}";
        for (var i = 0; i < 5; i++)
        {
            aggregator.Add(first, Outcome(ModelTier.Cheap));
        }

        aggregator.Add(second, Outcome(ModelTier.Frontier));
        Assert.Equal(6, aggregator.Pending);

        await aggregator.FlushAsync(fixture.Grains);

        Assert.Equal(0, aggregator.Pending);
        var firstSnapshot = await fixture.Grains.GetGrain<ITaskRouterGrain>(first).GetSnapshot();
        var secondSnapshot = await fixture.Grains.GetGrain<ITaskRouterGrain>(second).GetSnapshot();
        Assert.Equal(5, firstSnapshot.Tiers.Single(t => t.Tier == ModelTier.Cheap).Calls);
        Assert.Equal(1, secondSnapshot.Tiers.Single(t => t.Tier == ModelTier.Frontier).Calls);
    }

    [Fact]
    public void Add_PastTheBound_DropsAndCounts()
    {
        var aggregator = new RouterOutcomeAggregator();

        for (var i = 0; i < RouterOutcomeAggregator.MaxPending + 3; i++)
        {
            aggregator.Add("bounded", Outcome(ModelTier.Cheap));
        }

        Assert.Equal(RouterOutcomeAggregator.MaxPending, aggregator.Pending);
        Assert.Equal(3, aggregator.Dropped);
    }
}
