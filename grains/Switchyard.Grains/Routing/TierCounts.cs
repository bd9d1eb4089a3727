namespace Switchyard.Routing;

/// <summary>Persisted counts of one tier.</summary>
[GenerateSerializer]
[Alias("switchyard.routing.TierCounts")]
public sealed class TierCounts
{
    /// <summary>Answers given.</summary>
    [Id(0)] public long Calls { get; set; }

    /// <summary>Answers served as they were.</summary>
    [Id(1)] public long Accepted { get; set; }

    /// <summary>Answers escalated past.</summary>
    [Id(2)] public long Escalated { get; set; }
}
