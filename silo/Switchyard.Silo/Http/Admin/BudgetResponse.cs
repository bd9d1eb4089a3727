using System.Text.Json.Serialization;

namespace Switchyard.Silo.Http.Admin;

/// <summary>The body of <c>GET /admin/tenants/{id}/budget</c>.</summary>
public sealed record BudgetResponse(
    [property: JsonPropertyName("tenant")] string Tenant,
    [property: JsonPropertyName("period")] string Period,
    [property: JsonPropertyName("spent_usd")] decimal SpentUsd,
    [property: JsonPropertyName("reserved_usd")] decimal ReservedUsd,
    [property: JsonPropertyName("cap_usd")] decimal CapUsd,
    [property: JsonPropertyName("forecast_usd")] decimal ForecastUsd,
    [property: JsonPropertyName("alerts")] IReadOnlyList<string> Alerts,
    [property: JsonPropertyName("day")] string Day,
    [property: JsonPropertyName("day_spent_usd")] decimal DaySpentUsd,
    [property: JsonPropertyName("daily_cap_usd")] decimal? DailyCapUsd,
    [property: JsonPropertyName("hard")] bool Hard,
    [property: JsonPropertyName("requests")] int Requests);
