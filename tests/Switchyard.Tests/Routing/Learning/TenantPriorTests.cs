using Switchyard.Routing;
using Switchyard.Routing.Learning;

namespace Switchyard.Tests.Routing.Learning;

public sealed class TenantPriorTests
{
    private static BandStatistics[] Prior(long calls, long right, long wrong) =>
        [.. Enumerable.Range(0, ConfidenceBands.Count).Select(b => b == 9 ? new BandStatistics(0.9, 1, calls, right, wrong, 0.5) : new BandStatistics(b / 10.0, (b + 1) / 10.0, 0, 0, 0, 0.5))];

    [Fact]
    public void Combine_ScalesAHeavyPriorDownToItsWeight_KeepingItsRate()
    {
        var combined = TenantPrior.Combine(new TierLearning(), Prior(calls: 1000, right: 800, wrong: 200), 0.01m, weight: 20);

        Assert.Equal(16, combined.Right[9]);
        Assert.Equal(4, combined.Wrong[9]);
        Assert.Equal(20, combined.Calls[9]);
        Assert.Equal(0.20m, combined.CostUsd);
    }

    [Fact]
    public void Combine_AddsTheTenantsOwnCounts_AndKeepsALightPriorWhole()
    {
        var own = new TierLearning();
        own.Calls[9] = 30;
        own.Wrong[9] = 30;
        own.CostUsd = 0.3m;

        var combined = TenantPrior.Combine(own, Prior(calls: 10, right: 10, wrong: 0), 0.01m, weight: 20);

        Assert.Equal(10, combined.Right[9]);
        Assert.Equal(30, combined.Wrong[9]);
        Assert.Equal(40, combined.Calls[9]);
        Assert.Equal(0.4m, combined.CostUsd);
    }
}
