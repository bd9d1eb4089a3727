using Switchyard.Replay.Evaluation;

namespace Switchyard.Tests.Replay;

public sealed class ReplayMetricsTests
{
    [Fact]
    public void Aiq_OfTwoModels_IsTheAreaUnderTheLineBetweenThem()
    {
        CostQualityPoint[] models = [new("weak", 0.5, 1m), new("strong", 0.9, 3m)];

        var aiq = ReplayMetrics.Aiq(models, 1m, 3m);

        Assert.Equal(0.7, aiq, 6);
    }

    [Fact]
    public void Aiq_WithAPointAboveTheHull_IsHigher()
    {
        CostQualityPoint[] models = [new("weak", 0.5, 1m), new("strong", 0.9, 3m)];

        var router = ReplayMetrics.Aiq([.. models, new("router", 0.9, 1.5m)], 1m, 3m);

        Assert.True(router > ReplayMetrics.Aiq(models, 1m, 3m));
        Assert.Equal((((0.5 + 0.9) / 2 * 0.5) + (0.9 * 1.5)) / 2, router, 6);
    }

    [Fact]
    public void Hull_DropsPointsThatCostMoreAndAreNoBetter()
    {
        var hull = ReplayMetrics.Hull([new("a", 0.5, 1m), new("b", 0.4, 2m), new("c", 0.9, 3m), new("d", 0.6, 2m)]);

        Assert.Equal(["a", "c"], hull.Select(p => p.Name));
    }

    [Fact]
    public void Apgr_AndCpt_OfARouterRecoveringHalfTheGapAtAQuarterOfCalls()
    {
        (double, double)[] router = [(0.25, 0.7)];

        Assert.Equal(0.25, ReplayMetrics.Cpt(router, 0.5, 0.9, 0.5), 6);
        Assert.Equal((0.5 * 0.25 / 2) + ((0.5 + 1) / 2 * 0.75), ReplayMetrics.Apgr(router, 0.5, 0.9), 6);
    }

    [Fact]
    public void CostSaving_IsNullWhenTheRouterIsLessAccurateThanTheBestModel()
    {
        var best = new CostQualityPoint("best", 0.9, 1m);

        Assert.Null(ReplayMetrics.CostSavingAtEqualQuality([new("router", 0.8, 0.1m)], best));
        Assert.Equal(0.75, ReplayMetrics.CostSavingAtEqualQuality([new("router", 0.9, 0.25m)], best)!.Value, 6);
    }

    [Fact]
    public void HeldOut_IsStableAndNearThePercentage()
    {
        var ids = Enumerable.Range(0, 10_000).Select(i => $"sample.{i}").ToList();

        var held = ids.Count(id => ReplaySplit.IsHeldOut(id, 20));

        Assert.InRange(held, 1800, 2200);
        Assert.Equal(ids.Select(id => ReplaySplit.IsHeldOut(id, 20)), ids.Select(id => ReplaySplit.IsHeldOut(id, 20)));
    }
}
