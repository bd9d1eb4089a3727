using System.Text.Json.Serialization;

namespace Switchyard.Silo.Http;

/// <summary>The body of <c>GET /v1/models</c>.</summary>
public sealed record ModelListResponse(
    [property: JsonPropertyName("object")] string Object,
    [property: JsonPropertyName("data")] IReadOnlyList<ModelListResponse.Model> Data)
{
    /// <summary>One model: a catalog deployment, or <c>auto</c>.</summary>
    public sealed record Model(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("object")] string Object,
        [property: JsonPropertyName("created")] long Created,
        [property: JsonPropertyName("owned_by")] string OwnedBy,
        [property: JsonPropertyName("tier")] string? Tier);
}
