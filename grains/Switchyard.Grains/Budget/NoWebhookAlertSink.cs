namespace Switchyard.Budget;

/// <summary>
/// For hosts that deliver no webhooks, such as offline evaluation: budget grains still log and count
/// their alerts; the POST to the tenant's webhook is skipped.
/// </summary>
public sealed class NoWebhookAlertSink : IBudgetAlertSink
{
    /// <inheritdoc />
    public Task SendAsync(Uri webhook, BudgetAlert alert, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
