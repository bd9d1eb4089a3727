using System.Text.Json.Serialization;

namespace Switchyard.Silo.Http;

/// <summary>The body of <c>GET /v1/usage</c>: the calling tenant's spend in the current period.</summary>
public sealed record UsageResponse(
    [property: JsonPropertyName("tenant")] string Tenant,
    [property: JsonPropertyName("period")] string Period,
    [property: JsonPropertyName("spent_usd")] decimal SpentUsd,
    [property: JsonPropertyName("cap_usd")] decimal CapUsd,
    [property: JsonPropertyName("held_usd")] decimal HeldUsd,
    [property: JsonPropertyName("remaining_usd")] decimal RemainingUsd,
    [property: JsonPropertyName("requests")] int Requests);
