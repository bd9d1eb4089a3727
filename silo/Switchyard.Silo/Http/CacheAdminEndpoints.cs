using Microsoft.Extensions.Options;
using Switchyard.Caching;
using Switchyard.Tenants;

namespace Switchyard.Silo.Http;

/// <summary>
/// The admin API of tenants' caches: <c>GET /admin/cache/{tenant}</c> (counters summed over the
/// tenant's shards) and <c>DELETE /admin/cache/{tenant}[?task_type=]</c> (invalidation).
/// </summary>
public static class CacheAdminEndpoints
{
    /// <summary>Maps the cache endpoints onto the admin group.</summary>
    public static RouteGroupBuilder MapCacheAdmin(this RouteGroupBuilder admin)
    {
        admin.MapGet("/cache/{tenantId}", StatisticsAsync);
        admin.MapDelete("/cache/{tenantId}", InvalidateAsync);
        return admin;
    }

    private static async Task<IResult> StatisticsAsync(string tenantId, CompletionCache cache, IOptionsMonitor<TenantsOptions> tenants)
    {
        if (Unknown(tenantId, tenants) is { } error)
        {
            return error;
        }

        var s = await cache.StatisticsAsync(tenantId);
        return TypedResults.Json(
            new CacheStatisticsResponse(tenantId, s.Entries, s.Bytes, s.CapacityBytes, s.Hits, s.Misses, s.SemanticHits, s.SemanticMisses, s.Evictions, s.Expirations, s.Invalidations),
            ApiJsonContext.Api.CacheStatisticsResponse);
    }

    private static async Task<IResult> InvalidateAsync(
        string tenantId, HttpContext context, CompletionCache cache, IOptionsMonitor<TenantsOptions> tenants)
    {
        if (Unknown(tenantId, tenants) is { } error)
        {
            return error;
        }

        var taskType = context.Request.Query["task_type"].ToString();
        var scope = string.IsNullOrWhiteSpace(taskType) ? null : taskType.Trim();
        var removed = await cache.InvalidateAsync(tenantId, scope);
        return TypedResults.Json(new CacheInvalidationResponse(tenantId, scope, removed), ApiJsonContext.Api.CacheInvalidationResponse);
    }

    private static IResult? Unknown(string tenantId, IOptionsMonitor<TenantsOptions> tenants) =>
        !GrainKeys.IsValidTenantId(tenantId) ? ApiError.BadRequest($"'{tenantId}' is not a valid tenant id.", "tenantId")
        : !tenants.CurrentValue.Tenants.ContainsKey(tenantId) ? ApiError.Result(StatusCodes.Status404NotFound, $"The tenant '{tenantId}' is not configured.", "invalid_request_error", "tenant_not_found", "tenantId")
        : null;
}
