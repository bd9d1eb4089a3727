using System.Text.Json.Serialization;

namespace Switchyard.Silo.Http.Admin;

/// <summary>The body of <c>PUT /admin/tenants/{id}</c>: the tenant as stored, without its keys.</summary>
public sealed record TenantResponse(
    [property: JsonPropertyName("tenant")] string Tenant,
    [property: JsonPropertyName("created")] bool Created,
    [property: JsonPropertyName("api_key_count")] int ApiKeyCount,
    [property: JsonPropertyName("budget")] TenantResponse.BudgetRules Budget,
    [property: JsonPropertyName("rate_limits")] TenantResponse.RateLimits Limits,
    [property: JsonPropertyName("alert_webhook")] string? AlertWebhook)
{
    /// <summary>The tenant's budget rules.</summary>
    public sealed record BudgetRules(
        [property: JsonPropertyName("monthly_usd")] decimal MonthlyUsd,
        [property: JsonPropertyName("daily_usd")] decimal? DailyUsd,
        [property: JsonPropertyName("hard")] bool Hard,
        [property: JsonPropertyName("max_request_usd")] decimal? MaxRequestUsd,
        [property: JsonPropertyName("downgrade_below_usd")] decimal? DowngradeBelowUsd);

    /// <summary>The tenant's rate limits.</summary>
    public sealed record RateLimits(
        [property: JsonPropertyName("rpm")] int? Rpm,
        [property: JsonPropertyName("tpm")] int? Tpm);
}
