using Switchyard.Routing;
using Switchyard.Routing.Learning;

namespace Switchyard.Tests.Routing.Learning;

public sealed class CalibratorTests
{
    [Fact]
    public void Calibrate_RecoversAKnownMapping()
    {
        // The truth: an answer in band b is right with probability 0.3 + 0.06 b (an over-confident scorer).
        var random = new Random(7);
        var learning = new TierLearning();
        for (var i = 0; i < 20_000; i++)
        {
            var confidence = random.NextDouble();
            var truth = 0.3 + (0.06 * ConfidenceBands.BandOf(confidence));
            var label = random.NextDouble() < truth ? OutcomeLabel.Right : OutcomeLabel.Wrong;
            learning.Add(new RouteObservation(ModelTier.Cheap, confidence, label, IsCall: true, 0m));
        }

        var calibrated = Calibrator.Calibrate(learning.Right, learning.Wrong);

        for (var band = 0; band < ConfidenceBands.Count; band++)
        {
            Assert.InRange(calibrated[band], 0.3 + (0.06 * band) - 0.04, 0.3 + (0.06 * band) + 0.04);
        }
    }

    [Fact]
    public void Calibrate_WithoutOutcomes_TrustsTheRawConfidence()
    {
        var calibrated = Calibrator.Calibrate(new long[ConfidenceBands.Count], new long[ConfidenceBands.Count]);

        Assert.Equal(0.05, calibrated[0], 6);
        Assert.Equal(0.95, calibrated[^1], 6);
    }

    [Fact]
    public void Calibrate_IsNeverDecreasingInConfidence()
    {
        long[] right = [0, 0, 0, 0, 0, 0, 0, 0, 50, 1];
        long[] wrong = [0, 0, 0, 0, 0, 0, 0, 0, 0, 50];

        var calibrated = Calibrator.Calibrate(right, wrong);

        for (var band = 1; band < ConfidenceBands.Count; band++)
        {
            Assert.True(calibrated[band] >= calibrated[band - 1], $"band {band}: {calibrated[band]} < {calibrated[band - 1]}");
        }
    }

    [Fact]
    public void TierLearning_StaysTheSameSize_HoweverLongItLearns()
    {
        var state = new RouterState();
        var before = state.SizeInBytes;

        state.Learn(Enumerable.Range(0, 100_000).Select(i =>
            new RouteObservation((ModelTier)(i % 3), i % 100 / 100.0, (OutcomeLabel)(i % 3), IsCall: true, 0.001m, Escalated: i % 2 == 0)));

        Assert.Equal(before, state.SizeInBytes);
        Assert.All(state.Learning.Concat(state.Escalated), l => Assert.Equal(ConfidenceBands.Count, l.Calls.Length));
    }
}
