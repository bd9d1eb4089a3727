namespace Switchyard.Cli.Gateway;

/// <summary>
/// The highest rate a target sustains: the rate doubles from <see cref="FirstRate"/> until one is not
/// sustained, then the gap to the last sustained rate is halved <see cref="Refinements"/> times. A rate
/// counts as not sustained only when it fails twice in a row: one short step can fail on a single pause
/// (a collection, a stalled event loop, another process on the same cores), and a search that stops at
/// the first such step reports whatever rate the pause happened at. Both gateways are searched the same way.
/// </summary>
internal static class ThroughputSearch
{
    /// <summary>The first rate tried, in requests per second.</summary>
    public const double FirstRate = 250;

    /// <summary>The highest rate the doubling goes to.</summary>
    public const double LastRate = 128_000;

    /// <summary>How many times the gap between the last sustained and the first failed rate is halved.</summary>
    public const int Refinements = 3;

    /// <summary>Tries of one rate before it counts as not sustained.</summary>
    public const int Attempts = 2;

    /// <summary>
    /// The highest sustained rate, 0 when not even the lowest one tried is. <paramref name="sustains"/> runs one
    /// step at the given rate (its second argument numbers the try from 1) and says whether it was sustained.
    /// </summary>
    public static async Task<double> FindMaxAsync(Func<double, int, Task<bool>> sustains)
    {
        double sustained = 0, failed = 0;
        for (var rate = FirstRate; rate <= LastRate; rate *= 2)
        {
            if (await SustainsAsync(sustains, rate))
            {
                sustained = rate;
            }
            else
            {
                failed = rate;
                break;
            }
        }

        for (var i = 0; i < Refinements && failed > 0; i++)
        {
            var rate = Math.Round((sustained + failed) / 2);
            if (await SustainsAsync(sustains, rate))
            {
                sustained = rate;
            }
            else
            {
                failed = rate;
            }
        }

        return sustained;
    }

    private static async Task<bool> SustainsAsync(Func<double, int, Task<bool>> sustains, double rate)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            if (await sustains(rate, attempt))
            {
                return true;
            }
        }

        return false;
    }
}
