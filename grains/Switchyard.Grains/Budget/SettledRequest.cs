namespace Switchyard.Budget;

/// <summary>A settled request id, remembered so that a retried settle charges nothing.</summary>
[GenerateSerializer]
[Alias("switchyard.budget.SettledRequest")]
public sealed class SettledRequest
{
    /// <summary>What the request was charged.</summary>
    [Id(0)] public decimal ChargedUsd { get; set; }

    /// <summary>When it was settled.</summary>
    [Id(1)] public DateTimeOffset SettledAt { get; set; }
}
