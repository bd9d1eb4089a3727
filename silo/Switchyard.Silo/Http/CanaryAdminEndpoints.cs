using System.Text.Json;
using Switchyard.Models;
using Switchyard.Routing;
using Switchyard.Tenants;

namespace Switchyard.Silo.Http;

/// <summary>
/// A task type's canary under <c>/admin/routers/{taskType}/canary</c>: <c>PUT</c> starts one
/// (<c>{"share", "model"}</c> or <c>{"share", "policy": {…router settings…}}</c>), <c>GET</c> reports
/// its arms and verdict, <c>POST …/promote</c> makes the candidate the policy and <c>POST …/rollback</c>
/// drops it. An unknown task type, or no running canary, is a 404. With <c>?tenant=&lt;id&gt;</c>, the
/// canary of that tenant's own router.
/// </summary>
public static class CanaryAdminEndpoints
{
    /// <summary>Maps the canary endpoints on the admin group.</summary>
    public static RouteGroupBuilder MapCanaryAdmin(this RouteGroupBuilder admin)
    {
        admin.MapPut("/routers/{taskType}/canary", StartAsync);
        admin.MapGet("/routers/{taskType}/canary", (string taskType, HttpContext context, IGrainFactory grains, TenantDirectory tenants) =>
            OnRouterAsync(taskType, context, grains, tenants, router => router.GetCanary()));
        admin.MapPost("/routers/{taskType}/canary/promote", (string taskType, HttpContext context, IGrainFactory grains, TenantDirectory tenants) =>
            OnRouterAsync(taskType, context, grains, tenants, router => router.PromoteCanary()));
        admin.MapPost("/routers/{taskType}/canary/rollback", (string taskType, HttpContext context, IGrainFactory grains, TenantDirectory tenants) =>
            OnRouterAsync(taskType, context, grains, tenants, router => router.RollbackCanary()));
        return admin;
    }

    private static async Task<IResult> OnRouterAsync(
        string taskType, HttpContext context, IGrainFactory grains, TenantDirectory tenants, Func<ITaskRouterGrain, Task<CanaryReport?>> call)
    {
        var (key, error) = RouterKeyReader.Read(taskType, context, tenants);
        return error ?? Result(taskType, await call(grains.GetGrain<ITaskRouterGrain>(key!)));
    }

    private static async Task<IResult> StartAsync(string taskType, HttpContext context, IGrainFactory grains, ModelCatalog catalog, TenantDirectory tenants)
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

        RouterSettings candidate;
        double share;
        using (document)
        {
            var body = document.RootElement;
            if (body.ValueKind != JsonValueKind.Object)
            {
                return ApiError.BadRequest("The request body must be a JSON object: {\"share\": 0.1, \"model\": \"…\"} or {\"share\": 0.1, \"policy\": {…}}.");
            }

            if (!body.TryGetProperty("share", out var s) || s.ValueKind != JsonValueKind.Number || !s.TryGetDouble(out share) || share is <= 0 or >= 1)
            {
                return ApiError.BadRequest("'share' must be a number in (0, 1): the share of end users routed to the candidate.", "share");
            }

            var hasModel = body.TryGetProperty("model", out var model);
            var hasPolicy = body.TryGetProperty("policy", out var policy);
            if (hasModel == hasPolicy)
            {
                return ApiError.BadRequest("Give exactly one candidate: 'model' (a catalog model) or 'policy' (router settings).", hasModel ? "policy" : "model");
            }

            if (hasModel)
            {
                if (model.ValueKind != JsonValueKind.String || model.GetString() is not { Length: > 0 } name || !catalog.TryGet(name, out _))
                {
                    return ApiError.BadRequest("'model' must name a model of the catalog (GET /v1/models).", "model");
                }

                candidate = new RouterSettings(Model: name);
            }
            else
            {
                var (read, error) = RouterSettingsReader.Read(policy, catalog, "policy");
                if (error is not null)
                {
                    return error;
                }

                if (read! == new RouterSettings())
                {
                    return ApiError.BadRequest("'policy' must change at least one setting.", "policy");
                }

                candidate = read!;
            }
        }

        return Result(taskType, await grains.GetGrain<ITaskRouterGrain>(key!).StartCanary(candidate, share), unknownTaskType: true);
    }

    private static IResult Result(string taskType, CanaryReport? report, bool unknownTaskType = false) =>
        report is not null ? TypedResults.Json(report, ApiJsonContext.Api.CanaryReport)
        : unknownTaskType ? ApiError.Result(StatusCodes.Status404NotFound, $"There is no task type '{taskType}': it is not configured and has never been routed.", "invalid_request_error", "task_type_not_found", "taskType")
        : ApiError.Result(StatusCodes.Status404NotFound, $"The task type '{taskType}' runs no canary.", "invalid_request_error", "canary_not_found", "taskType");
}
