using System.Text.Json.Serialization;

namespace Switchyard.Silo.Http;

/// <summary>The body of <c>DELETE /admin/cache/{tenant}</c>: how many entries were removed.</summary>
public sealed record CacheInvalidationResponse(
    [property: JsonPropertyName("tenant")] string Tenant,
    [property: JsonPropertyName("task_type")] string? TaskType,
    [property: JsonPropertyName("removed")] int Removed);
