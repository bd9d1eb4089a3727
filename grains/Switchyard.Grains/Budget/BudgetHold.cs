namespace Switchyard.Budget;

/// <summary>Money held for a call in flight.</summary>
[GenerateSerializer]
[Alias("switchyard.budget.BudgetHold")]
public sealed class BudgetHold
{
    /// <summary>The amount held.</summary>
    [Id(0)] public decimal AmountUsd { get; set; }

    /// <summary>When the hold lapses if its call never settles (its caller died).</summary>
    [Id(1)] public DateTimeOffset ExpiresAt { get; set; }
}
