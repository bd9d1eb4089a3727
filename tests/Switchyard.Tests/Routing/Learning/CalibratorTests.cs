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
    public void Posterior_OfABand_IsTheBetaPosteriorMeanAndVariance()
    {
        // 19 right and 1 wrong in the top band, prior 0.95 × 2: mean (19 + 1.9) / 22 = 0.95, variance
        // 0.95 × 0.05 / (22 + 1).
        var right = new long[ConfidenceBands.Count];
        var wrong = new long[ConfidenceBands.Count];
        right[^1] = 19;
        wrong[^1] = 1;

        var posterior = Calibrator.Posterior(right, wrong);

        Assert.Equal(0.95, posterior.Mean[^1], 12);
        Assert.Equal(0.95 * 0.05 / 23, posterior.Variance[^1], 12);
        Assert.Equal(ConfidenceBands.Count - 1, posterior.Block[^1]);
    }

    [Fact]
    public void Posterior_ShrinksAsLabelsGrow_TowardsTheObservedRate()
    {
        var spreads = new List<double>();
        foreach (var labels in (int[])[10, 100, 1_000, 10_000])
        {
            var right = new long[ConfidenceBands.Count];
            var wrong = new long[ConfidenceBands.Count];
            right[^1] = labels * 8 / 10;
            wrong[^1] = labels * 2 / 10;

            var posterior = Calibrator.Posterior(right, wrong);

            var lower = posterior.Mean[^1] - Math.Sqrt(posterior.Variance[^1]);
            Assert.True(lower < posterior.Mean[^1]);
            spreads.Add(Math.Sqrt(posterior.Variance[^1]));
            if (labels == 10_000)
            {
                Assert.Equal(0.8, posterior.Mean[^1], 3);
                Assert.InRange(lower, 0.795, 0.8);
            }
        }

        // About 1/√labels: each tenfold more labels narrows the spread about √10-fold.
        for (var i = 1; i < spreads.Count; i++)
        {
            Assert.InRange(spreads[i - 1] / spreads[i], 2.5, 3.5);
        }
    }

    [Fact]
    public void Posterior_OfPooledBands_SharesOneEstimate()
    {
        long[] right = [0, 0, 0, 0, 0, 0, 0, 0, 50, 1];
        long[] wrong = [0, 0, 0, 0, 0, 0, 0, 0, 0, 50];

        var posterior = Calibrator.Posterior(right, wrong);

        // Bands 8 and 9 violate the order (51.7 / 52 against 2.9 / 53) and pool at about 0.52, below the
        // priors of bands 5–7 (0.55, 0.65, 0.75, weight 2 each), which join the block: weight 111.
        var mean = (50 + 1.7 + 1 + 1.9 + 1.5 + 1.3 + 1.1) / 111;
        Assert.All(Enumerable.Range(5, 5), band => Assert.Equal(5, posterior.Block[band]));
        Assert.Equal(4, posterior.Block[4]);
        Assert.Equal(mean, posterior.Mean[9], 12);
        Assert.Equal(mean * (1 - mean) / 112, posterior.Variance[8], 12);
        Assert.Equal(posterior.Variance[8], posterior.Variance[9]);
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
