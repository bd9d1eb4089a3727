using System.Text.Json.Serialization;

namespace Switchyard.Silo.Http.Admin;

/// <summary>The body of <c>GET /admin/reports/daily</c>.</summary>
public sealed record DailyReportResponse(
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("tenant")] string? Tenant,
    [property: JsonPropertyName("rows")] IReadOnlyList<DailyReportResponse.Row> Rows,
    [property: JsonPropertyName("total_usd")] decimal TotalUsd,
    [property: JsonPropertyName("audit_usd")] decimal AuditUsd)
{
    /// <summary>One model's line.</summary>
    public sealed record Row(
        [property: JsonPropertyName("model")] string Model,
        [property: JsonPropertyName("calls")] long Calls,
        [property: JsonPropertyName("cache_hits")] long CacheHits,
        [property: JsonPropertyName("prompt_tokens")] long PromptTokens,
        [property: JsonPropertyName("cached_tokens")] long CachedTokens,
        [property: JsonPropertyName("completion_tokens")] long CompletionTokens,
        [property: JsonPropertyName("cost_usd")] decimal CostUsd,
        [property: JsonPropertyName("audit_calls")] long AuditCalls,
        [property: JsonPropertyName("audit_usd")] decimal AuditUsd);
}
