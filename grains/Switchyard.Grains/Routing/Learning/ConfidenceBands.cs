namespace Switchyard.Routing.Learning;

/// <summary>
/// Raw confidence is bucketed into a fixed number of equal-width bands, so a router's state has a
/// fixed size however many requests it learns from.
/// </summary>
public static class ConfidenceBands
{
    /// <summary>The number of bands: [0, 0.1), [0.1, 0.2), …, [0.9, 1].</summary>
    public const int Count = 10;

    /// <summary>The band of <paramref name="confidence"/>; out-of-range and NaN values are clamped.</summary>
    public static int BandOf(double confidence) =>
        double.IsNaN(confidence) ? 0 : Math.Clamp((int)Math.Floor(confidence * Count), 0, Count - 1);

    /// <summary>The lowest confidence of <paramref name="band"/>.</summary>
    public static double LowOf(int band) => (double)band / Count;

    /// <summary>The middle of <paramref name="band"/>.</summary>
    public static double MiddleOf(int band) => (band + 0.5) / Count;
}
