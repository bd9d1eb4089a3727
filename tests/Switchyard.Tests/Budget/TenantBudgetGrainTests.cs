using Switchyard.Budget;
using Switchyard.Routing;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Budget;

[Collection(ClusterCollection.Name)]
public sealed class TenantBudgetGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Settle_TheSameRequestIdTwice_ChargesOnce()
    {
        var budget = fixture.Grains.GetGrain<ITenantBudgetGrain>("alpha");
        var before = (await budget.GetSnapshot()).SpentUsd;
        var requestId = Guid.NewGuid().ToString("N");

        await budget.Reserve(requestId, 0.01m, ModelTier.Cheap);
        var first = await budget.Settle(requestId, 0.004m);
        var second = await budget.Settle(requestId, 0.004m);

        Assert.False(first.WasDuplicate);
        Assert.True(second.WasDuplicate);
        Assert.Equal(before + 0.004m, (await budget.GetSnapshot()).SpentUsd);
    }

    [Fact]
    public async Task Reserve_WhenCapWouldBeExceeded_Refuses()
    {
        var budget = fixture.Grains.GetGrain<ITenantBudgetGrain>("poor");

        var smallId = Guid.NewGuid().ToString("N");

        var refused = await budget.Reserve(Guid.NewGuid().ToString("N"), 0.000002m, ModelTier.Cheap);
        var granted = await budget.Reserve(smallId, 0.0000005m, ModelTier.Cheap);
        await budget.Release(smallId);

        Assert.Equal(ReservationStatus.Refused, refused.Status);
        Assert.Equal(ReservationStatus.Reserved, granted.Status);
        Assert.Equal(0m, (await budget.GetSnapshot()).HeldUsd);
    }

    [Fact]
    public async Task Reserve_UnderConcurrency_NeverHoldsMoreThanTheCap()
    {
        var budget = fixture.Grains.GetGrain<ITenantBudgetGrain>("beta");
        var snapshot = await budget.GetSnapshot();
        var each = snapshot.RemainingUsd / 10m;
        var ids = Enumerable.Range(0, 25).Select(_ => Guid.NewGuid().ToString("N")).ToArray();

        var results = await Task.WhenAll(ids.Select(id => budget.Reserve(id, each, ModelTier.Cheap)));

        var after = await budget.GetSnapshot();
        Assert.Equal(10, results.Count(r => r.IsGranted));
        Assert.True(after.SpentUsd + after.HeldUsd <= after.CapUsd);

        // Leave the tenant usable for the other tests.
        foreach (var id in ids)
        {
            await budget.Release(id);
        }

        Assert.Equal(0m, (await budget.GetSnapshot()).HeldUsd);
    }
}
