namespace Switchyard.Budget;

/// <summary>A budget alert, as posted to a tenant's webhook.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="Alert">Which alert: <c>spend_&lt;n&gt;pct</c> or <c>over_pace</c>.</param>
/// <param name="Period">The month it fired in, as <c>yyyy-MM</c>.</param>
/// <param name="SpentUsd">The spend when it fired.</param>
/// <param name="CapUsd">The monthly cap.</param>
/// <param name="At">When it fired.</param>
public sealed record BudgetAlert(string TenantId, string Alert, string Period, decimal SpentUsd, decimal CapUsd, DateTimeOffset At);
