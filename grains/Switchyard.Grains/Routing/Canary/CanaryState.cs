namespace Switchyard.Routing.Canary;

/// <summary>A running canary, persisted with its router's state. Fixed size.</summary>
[GenerateSerializer]
[Alias("switchyard.routing.CanaryState")]
public sealed class CanaryState
{
    /// <summary>The canary's number within its task type.</summary>
    [Id(0)] public int Generation { get; set; }

    /// <summary>The candidate, laid over the router's current settings.</summary>
    [Id(1)] public RouterSettings Candidate { get; set; } = new();

    /// <summary>The share of cohorts routed to the candidate, in (0, 1).</summary>
    [Id(2)] public double Share { get; set; }

    /// <summary>When it started.</summary>
    [Id(3)] public DateTimeOffset StartedAt { get; set; }

    /// <summary>The arm on the current policy.</summary>
    [Id(4)] public CanaryArm Control { get; set; } = new();

    /// <summary>The arm on the candidate.</summary>
    [Id(5)] public CanaryArm CandidateArm { get; set; } = new();

    /// <summary>The arm <paramref name="tag"/> names, or null when it belongs to another (ended) canary.</summary>
    public CanaryArm? ArmOf(CanaryTag? tag) =>
        tag is null || tag.Generation != Generation ? null : tag.Candidate ? CandidateArm : Control;

    /// <summary>The state's size in bytes, however long it runs (the candidate's model name aside).</summary>
    public static int SizeInBytes => (2 * ((3 * sizeof(long)) + sizeof(decimal))) + sizeof(int) + sizeof(double) + 16 + 48;
}
