using Switchyard.Cli.Gateway;

namespace Switchyard.Tests.Cli.Gateway;

public sealed class ThroughputSearchTests
{
    [Fact]
    public async Task FindMax_OnATargetThatKeepsUpTo700_DoublesThenHalvesTheGapThreeTimes()
    {
        var tried = new List<double>();

        var max = await ThroughputSearch.FindMaxAsync((rate, _) =>
        {
            tried.Add(rate);
            return Task.FromResult(rate <= 700);
        });

        // 250 and 500 hold, 1,000 fails twice; then 750 fails twice, 625 holds, 688 holds.
        Assert.Equal(688, max);
        Assert.Equal([250, 500, 1000, 1000, 750, 750, 625, 688], tried);
    }

    [Fact]
    public async Task FindMax_WhenOneStepFailsOnce_TriesItAgainInsteadOfStoppingThere()
    {
        var failures = new HashSet<double> { 500 };

        var max = await ThroughputSearch.FindMaxAsync((rate, attempt) =>
            Task.FromResult(rate <= 2_000 && !(attempt == 1 && failures.Contains(rate))));

        Assert.Equal(2_000, max);
    }

    [Fact]
    public async Task FindMax_WhenNotEvenTheFirstRateHolds_SearchesBelowIt()
    {
        var max = await ThroughputSearch.FindMaxAsync((rate, _) => Task.FromResult(rate <= 200));

        // 250 fails; 125 holds, 188 holds, 219 fails.
        Assert.Equal(188, max);
    }

    [Fact]
    public async Task FindMax_WhenNothingHolds_IsZero()
    {
        var tries = 0;

        var max = await ThroughputSearch.FindMaxAsync((_, _) =>
        {
            tries++;
            return Task.FromResult(false);
        });

        Assert.Equal(0, max);
        Assert.Equal(2 * (1 + ThroughputSearch.Refinements), tries);
    }
}
