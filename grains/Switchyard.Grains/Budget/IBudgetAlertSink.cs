namespace Switchyard.Budget;

/// <summary>Delivers budget alerts to a tenant's webhook.</summary>
public interface IBudgetAlertSink
{
    /// <summary>Posts <paramref name="alert"/> to <paramref name="webhook"/>; failures are logged, never thrown.</summary>
    Task SendAsync(Uri webhook, BudgetAlert alert, CancellationToken cancellationToken = default);
}
