namespace Switchyard.Routing.Learning;

/// <summary>
/// The persisted learning of one tier of one task type: per confidence band, how many answers were
/// given and how many are known to be right or wrong, plus their total cost. Fixed-size arrays: the
/// state never grows with traffic.
/// </summary>
[GenerateSerializer]
[Alias("switchyard.routing.TierLearning")]
public sealed class TierLearning
{
    /// <summary>Answers per band.</summary>
    [Id(0)] public long[] Calls { get; set; } = new long[ConfidenceBands.Count];

    /// <summary>Answers per band known to be right.</summary>
    [Id(1)] public long[] Right { get; set; } = new long[ConfidenceBands.Count];

    /// <summary>Answers per band known to be wrong.</summary>
    [Id(2)] public long[] Wrong { get; set; } = new long[ConfidenceBands.Count];

    /// <summary>The total cost of every answer counted in <see cref="Calls"/>.</summary>
    [Id(3)] public decimal CostUsd { get; set; }

    /// <summary>The size of this state in bytes (three arrays of 64-bit counters and a decimal).</summary>
    public static int SizeInBytes => (3 * ConfidenceBands.Count * sizeof(long)) + sizeof(decimal);

    /// <summary>Every answer counted.</summary>
    public long TotalCalls => Calls.Sum();

    /// <summary>Every answer with a known outcome.</summary>
    public long Labelled => Right.Sum() + Wrong.Sum();

    /// <summary>The mean cost of an answer, or null before the first.</summary>
    public decimal? MeanCostUsd => TotalCalls > 0 ? CostUsd / TotalCalls : null;

    /// <summary>Adds one observation.</summary>
    public void Add(RouteObservation observation)
    {
        var band = ConfidenceBands.BandOf(observation.Confidence);
        if (observation.IsCall)
        {
            Calls[band]++;
            CostUsd += observation.CostUsd;
        }

        switch (observation.Label)
        {
            case OutcomeLabel.Right:
                Right[band]++;
                break;
            case OutcomeLabel.Wrong:
                Wrong[band]++;
                break;
        }
    }
}
