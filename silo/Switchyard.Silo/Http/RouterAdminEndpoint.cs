using Switchyard.Models;
using Switchyard.Routing;
using Switchyard.Tenants;

namespace Switchyard.Silo.Http;

/// <summary>
/// <c>PUT /admin/routers/{taskType} {"quality_target", "pinned", "start_tier", "max_tier",
/// "accept_confidence", "model"}</c>: sets a task type's quality target, pins or unpins its policy,
/// bounds its tiers, or hands it to one model. Every field is optional; the answer is the router's
/// snapshot, as <c>GET</c> shows it. With <c>?tenant=&lt;id&gt;</c>, the tenant's own router.
/// </summary>
public static class RouterAdminEndpoint
{
    /// <summary>Handles one update.</summary>
    public static async Task<IResult> PutAsync(string taskType, HttpContext context, IGrainFactory grains, ModelCatalog catalog, TenantDirectory tenants)
    {
        var (key, invalid) = RouterKeyReader.Read(taskType, context, tenants);
        if (invalid is not null)
        {
            return invalid;
        }

        var (document, unreadable) = await RequestJson.ParseAsync(context);
        if (document is null)
        {
            return unreadable!;
        }

        RouterSettings settings;
        using (document)
        {
            var (read, error) = RouterSettingsReader.Read(document.RootElement, catalog);
            if (error is not null)
            {
                return error;
            }

            settings = read!;
        }

        var snapshot = await grains.GetGrain<ITaskRouterGrain>(key!).Configure(settings);
        return TypedResults.Json(snapshot, ApiJsonContext.Api.RouterSnapshot);
    }
}
