using Switchyard.Routing;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Routing;

[Collection(ClusterCollection.Name)]
public sealed class TenantRouterTests(ClusterFixture fixture)
{
    private async Task<string> TaskTypeWhereCheapIsAlwaysRightAsync()
    {
        var taskType = $"tenant-prior-{Guid.NewGuid():N}";
        var global = fixture.Grains.GetGrain<ITaskRouterGrain>(GrainKeys.Router(taskType));
        Assert.NotNull(await TaskRouterLearningTests.LearnAsync(global, _ => true, [ModelTier.Cheap]));
        return taskType;
    }

    [Fact]
    public async Task TenantRouter_WithNoTrafficOfItsOwn_RoutesAsItsTaskTypeLearned()
    {
        var taskType = await TaskTypeWhereCheapIsAlwaysRightAsync();

        var tenant = fixture.Grains.GetGrain<ITaskRouterGrain>(GrainKeys.TenantRouter("alpha", taskType));

        Assert.Equal([ModelTier.Cheap], (await tenant.GetSnapshot()).Plan.Tiers());

        // Without the prior a router of an unseen task type follows the configured default: start mid.
        var unseen = fixture.Grains.GetGrain<ITaskRouterGrain>(GrainKeys.TenantRouter("alpha", $"unseen-{Guid.NewGuid():N}"));
        Assert.Equal(ModelTier.Mid, (await unseen.GetSnapshot()).Plan.StartTier);
    }

    [Fact]
    public async Task TenantRouter_WhereCheapIsWrongForThisTenant_LeavesCheapWhileTheTaskTypeStays()
    {
        var taskType = await TaskTypeWhereCheapIsAlwaysRightAsync();
        var tenant = fixture.Grains.GetGrain<ITaskRouterGrain>(GrainKeys.TenantRouter("beta", taskType));

        var after = await TaskRouterLearningTests.LearnAsync(tenant, tier => tier != ModelTier.Cheap, [ModelTier.Mid], requests: 300);

        Assert.NotNull(after);
        Assert.Equal([ModelTier.Cheap], (await fixture.Grains.GetGrain<ITaskRouterGrain>(GrainKeys.Router(taskType)).GetSnapshot()).Plan.Tiers());
    }

    [Fact]
    public async Task TenantRouter_OfAPinnedTaskType_IsPinnedToo()
    {
        var tenant = fixture.Grains.GetGrain<ITaskRouterGrain>(GrainKeys.TenantRouter("alpha", "legal_analysis"));

        var snapshot = await tenant.GetSnapshot();

        Assert.True(snapshot.Pinned);
        Assert.Equal([ModelTier.Frontier], snapshot.Plan.Tiers());
    }

    [Fact]
    public void RouterKeys_OfATenant_ParseBack()
    {
        Assert.Equal(("summarization", "alpha"), GrainKeys.ParseRouter(GrainKeys.TenantRouter("alpha", " Summarization ")));
        Assert.Equal(("summarization", (string?)null), GrainKeys.ParseRouter(GrainKeys.Router("summarization")));
    }
}
