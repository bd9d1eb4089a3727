using Switchyard.Budget;
using Switchyard.Completion;
using Switchyard.Routing;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class GrainReferencesTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData("alpha")]
    [InlineData("tenant/with:odd chars é")]
    public void Reference_ByStringKey_IsTheReferenceGetGrainMakes(string key)
    {
        var expected = (GrainReference)fixture.Grains.GetGrain<ITenantBudgetGrain>(key);
        var actual = (GrainReference)fixture.Grains.Reference<ITenantBudgetGrain>(key);

        Assert.Equal(expected.GrainId, actual.GrainId);
        Assert.Equal(expected.InterfaceType, actual.InterfaceType);
        Assert.IsAssignableFrom<ITenantBudgetGrain>(actual);
    }

    [Fact]
    public void Reference_OfDifferentInterfaces_KeepsEachInterfacesGrainType()
    {
        var budget = (GrainReference)fixture.Grains.Reference<ITenantBudgetGrain>("same-key");
        var router = (GrainReference)fixture.Grains.Reference<ITaskRouterGrain>("same-key");

        Assert.Equal(((GrainReference)fixture.Grains.GetGrain<ITaskRouterGrain>("same-key")).GrainId, router.GrainId);
        Assert.NotEqual(budget.GrainId.Type, router.GrainId.Type);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-7L)]
    [InlineData(long.MaxValue)]
    public void Reference_ByIntegerKey_IsTheReferenceGetGrainMakes(long key)
    {
        var expected = (GrainReference)fixture.Grains.GetGrain<ICompletionGrain>(key);
        var actual = (GrainReference)fixture.Grains.Reference<ICompletionGrain>(key);

        Assert.Equal(expected.GrainId, actual.GrainId);
        Assert.Equal(expected.InterfaceType, actual.InterfaceType);
    }

    [Fact]
    public async Task Reference_CallsReachTheSameActivationAsGetGrain()
    {
        var requestId = Guid.NewGuid().ToString("N");
        await fixture.Grains.Reference<ITenantBudgetGrain>("alpha").Reserve(requestId, 0.001m, ModelTier.Cheap);

        var held = (await fixture.Grains.GetGrain<ITenantBudgetGrain>("alpha").GetSnapshot()).HeldUsd;
        await fixture.Grains.Reference<ITenantBudgetGrain>("alpha").Release(requestId);

        Assert.True(held >= 0.001m);
    }
}
