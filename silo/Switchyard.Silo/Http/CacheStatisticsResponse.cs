using System.Text.Json.Serialization;

namespace Switchyard.Silo.Http;

/// <summary>The body of <c>GET /admin/cache/{tenant}</c>: the tenant's cache counters, summed over its shards.</summary>
public sealed record CacheStatisticsResponse(
    [property: JsonPropertyName("tenant")] string Tenant,
    [property: JsonPropertyName("entries")] int Entries,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("capacity_bytes")] long CapacityBytes,
    [property: JsonPropertyName("exact_hits")] long ExactHits,
    [property: JsonPropertyName("exact_misses")] long ExactMisses,
    [property: JsonPropertyName("semantic_hits")] long SemanticHits,
    [property: JsonPropertyName("semantic_misses")] long SemanticMisses,
    [property: JsonPropertyName("evictions")] long Evictions,
    [property: JsonPropertyName("expirations")] long Expirations,
    [property: JsonPropertyName("invalidations")] long Invalidations);
