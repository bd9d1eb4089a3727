using System.Text.Json.Serialization;
using Switchyard.Budget;
using Switchyard.Routing;

namespace Switchyard.Silo.Http;

/// <summary>Source-generated JSON for every body the API writes: no reflection on the request path.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(ChatCompletionResponse))]
[JsonSerializable(typeof(UsageResponse))]
[JsonSerializable(typeof(ModelListResponse))]
[JsonSerializable(typeof(RouterSnapshot))]
[JsonSerializable(typeof(BudgetSnapshot))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
