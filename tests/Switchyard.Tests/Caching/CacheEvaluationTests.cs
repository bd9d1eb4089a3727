using Switchyard.Caching.Evaluation;

namespace Switchyard.Tests.Caching;

public sealed class CacheEvaluationTests
{
    private static ScoredPair Pair(float similarity, bool duplicate) => new(similarity, duplicate, true);

    [Fact]
    public void At_CountsHitsPrecisionRecallAndFalseHits()
    {
        ScoredPair[] pairs = [Pair(0.95f, true), Pair(0.91f, false), Pair(0.5f, true), Pair(0.2f, false)];

        var evaluation = CacheEvaluation.At(pairs, 0.9f);

        Assert.Equal(new CacheEvaluation(4, 2, 2, 0.5, 0.5, 0.5, 0.9f), evaluation);
    }

    [Fact]
    public void Calibrate_PicksTheLowestThresholdWhoseFalseHitRateIsWithinTheTargetWithConfidence()
    {
        // 1,000 non-duplicates at 0.001..1.000.
        var pairs = Enumerable.Range(1, 1000).Select(i => Pair(i / 1000f, false)).Append(Pair(1f, true)).ToList();

        var threshold = CacheEvaluation.Calibrate(pairs, 0.02);
        var falseHits = CacheEvaluation.At(pairs, threshold).Hits - 1;
        var oneStepLower = CacheEvaluation.At(pairs, threshold - 0.001f).Hits - 1;

        Assert.True(CacheEvaluation.WilsonUpperBound(falseHits, 1000) <= 0.02);
        Assert.True(CacheEvaluation.WilsonUpperBound(oneStepLower, 1000) > 0.02);
        Assert.InRange(falseHits, 5, 19);
    }

    [Fact]
    public void WilsonUpperBound_IsAboveTheObservedRateAndShrinksWithMoreTrials()
    {
        Assert.True(CacheEvaluation.WilsonUpperBound(10, 1000) > 0.01);
        Assert.True(CacheEvaluation.WilsonUpperBound(100, 10000) < CacheEvaluation.WilsonUpperBound(10, 1000));
    }

    [Fact]
    public void IsCalibration_SplitsPairsStablyInRoughlyHalves()
    {
        var pairs = Enumerable.Range(0, 2000).Select(i => new QuestionPair($"question {i}", $"other {i}", false)).ToList();

        var calibration = pairs.Count(p => p.IsCalibration);

        Assert.InRange(calibration, 850, 1150);
        Assert.Equal(pairs.Select(p => p.IsCalibration), pairs.Select(p => new QuestionPair(p.Question1, p.Question2, true).IsCalibration));
    }
}
