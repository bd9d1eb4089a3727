using Switchyard.Tenants;

namespace Switchyard.Silo.Http;

/// <summary>
/// The router an admin request is about: the task type's, or with <c>?tenant=&lt;id&gt;</c> that
/// tenant's own router for the task type (see <c>Switchyard:Routing:PerTenant</c>).
/// </summary>
public static class RouterKeyReader
{
    /// <summary>The router grain key, or the error for an invalid (400) or unknown (404) tenant.</summary>
    public static (string? Key, IResult? Error) Read(string taskType, HttpContext context, TenantDirectory tenants)
    {
        if (!context.Request.Query.TryGetValue("tenant", out var values))
        {
            return (GrainKeys.Router(taskType), null);
        }

        var tenant = values.ToString();
        return !GrainKeys.IsValidTenantId(tenant) ? (null, ApiError.BadRequest($"'{tenant}' is not a valid tenant id.", "tenant"))
            : !tenants.Contains(tenant) ? (null, ApiError.Result(StatusCodes.Status404NotFound, $"There is no tenant '{tenant}'.", "invalid_request_error", "tenant_not_found", "tenant"))
            : (GrainKeys.TenantRouter(tenant, taskType), null);
    }
}
