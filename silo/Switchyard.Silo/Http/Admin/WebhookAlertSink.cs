using System.Text;
using System.Text.Json;
using Switchyard.Budget;

namespace Switchyard.Silo.Http.Admin;

/// <summary>
/// Posts budget alerts as JSON (<c>{"tenant", "alert", "period", "spent_usd", "cap_usd", "at"}</c>) through
/// the <c>switchyard-alerts</c> HTTP client, which the service defaults give retries, timeouts and a
/// circuit breaker.
/// </summary>
public sealed partial class WebhookAlertSink(IHttpClientFactory clients, ILogger<WebhookAlertSink> logger) : IBudgetAlertSink
{
    /// <summary>The name of the HTTP client alerts are posted with.</summary>
    public const string ClientName = "switchyard-alerts";

    /// <inheritdoc />
    public async Task SendAsync(Uri webhook, BudgetAlert alert, CancellationToken cancellationToken = default)
    {
        var body = new Dictionary<string, object>
        {
            ["tenant"] = alert.TenantId,
            ["alert"] = alert.Alert,
            ["period"] = alert.Period,
            ["spent_usd"] = alert.SpentUsd,
            ["cap_usd"] = alert.CapUsd,
            ["at"] = alert.At,
        };
        try
        {
            using var content = new StringContent(JsonSerializer.Serialize(body, AlertJsonContext.Default.DictionaryStringObject), Encoding.UTF8, "application/json");
            using var response = await clients.CreateClient(ClientName).PostAsync(webhook, content, cancellationToken);
            response.EnsureSuccessStatusCode();
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            LogWebhookFailed(logger, alert.Alert, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting the budget alert {Alert} to the tenant's webhook failed")]
    private static partial void LogWebhookFailed(ILogger logger, string alert, Exception exception);
}
