using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Switchyard.Budget;
using Switchyard.Routing;
using Switchyard.Silo.Http.Admin;

namespace Switchyard.Silo.Http;

/// <summary>Source-generated JSON for every body the API writes: no reflection on the request path.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(ChatCompletionResponse))]
[JsonSerializable(typeof(ChatCompletionChunk))]
[JsonSerializable(typeof(UsageResponse))]
[JsonSerializable(typeof(ModelListResponse))]
[JsonSerializable(typeof(RouterSnapshot))]
[JsonSerializable(typeof(QualityGroupSnapshot))]
[JsonSerializable(typeof(CanaryReport))]
[JsonSerializable(typeof(BudgetSnapshot))]
[JsonSerializable(typeof(CacheStatisticsResponse))]
[JsonSerializable(typeof(CacheInvalidationResponse))]
[JsonSerializable(typeof(FeedbackResponse))]
[JsonSerializable(typeof(TenantResponse))]
[JsonSerializable(typeof(BudgetResponse))]
[JsonSerializable(typeof(DailyReportResponse))]
public sealed partial class ApiJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context the API writes with. Bodies are always served as <c>application/json</c>, never
    /// embedded in HTML, so the relaxed encoder is safe and keeps messages readable (no <c>\u0027</c>).
    /// </summary>
    public static ApiJsonContext Api { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
