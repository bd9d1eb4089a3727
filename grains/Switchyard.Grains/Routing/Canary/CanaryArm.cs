namespace Switchyard.Routing.Canary;

/// <summary>The persisted counts of one canary arm: four numbers, however long the canary runs.</summary>
[GenerateSerializer]
[Alias("switchyard.routing.CanaryArm")]
public sealed class CanaryArm
{
    /// <summary>Requests the arm routed.</summary>
    [Id(0)] public long Requests { get; set; }

    /// <summary>Served answers known to be right.</summary>
    [Id(1)] public long Right { get; set; }

    /// <summary>Served answers known to be wrong.</summary>
    [Id(2)] public long Wrong { get; set; }

    /// <summary>What the arm's requests cost.</summary>
    [Id(3)] public decimal CostUsd { get; set; }

    /// <summary>Labelled answers.</summary>
    public long Labelled => Right + Wrong;

    /// <summary>The share of labelled answers that were wrong; null before the first label.</summary>
    public double? ErrorRate => Labelled > 0 ? (double)Wrong / Labelled : null;

    /// <summary>The mean cost of a request; null before the first.</summary>
    public decimal? CostUsdPerCall => Requests > 0 ? CostUsd / Requests : null;

    /// <summary>The counts as a contract record.</summary>
    public CanaryArmReport ToReport() => new(Requests, Right, Wrong, ErrorRate, CostUsd, CostUsdPerCall);
}
