using Orleans.Dashboard;
using Switchyard.Budget;
using Switchyard.Completion;
using Switchyard.Models;
using Switchyard.Routing;
using Switchyard.Silo.Http.Admin;
using Switchyard.Silo.Http.RateLimiting;
using Switchyard.Tenants;

namespace Switchyard.Silo.Http;

/// <summary>Maps the OpenAI-compatible API under <c>/v1</c> and the admin API under <c>/admin</c>.</summary>
public static class ApiEndpoints
{
    /// <summary>Maps every endpoint.</summary>
    public static WebApplication MapSwitchyardApi(this WebApplication app)
    {
        var v1 = app.MapGroup("/v1").AddEndpointFilter<TenantAuthenticationFilter>();
        v1.MapPost("/chat/completions", ChatCompletionsEndpoint.HandleAsync).AddEndpointFilter<TenantRateLimitFilter>();
        v1.MapGet("/usage", UsageAsync);
        v1.MapGet("/models", Models);
        v1.MapPost("/feedback", FeedbackEndpoint.HandleAsync);

        var admin = app.MapGroup("/admin").AddEndpointFilter<AdminAuthenticationFilter>();
        admin.MapGet("/routers/{taskType}", RouterAsync);
        admin.MapPut("/routers/{taskType}", RouterAdminEndpoint.PutAsync);
        admin.MapGet("/quality-groups/{group}", QualityGroupAsync);
        admin.MapCanaryAdmin();
        admin.MapTenantAdmin();
        admin.MapReports();
        admin.MapCacheAdmin();
        if (app.Configuration.GetValue<bool>("Switchyard:Dashboard"))
        {
            // The Orleans Dashboard, behind the admin key (Bearer, or Basic with the key as the password so a browser can sign in).
            app.MapOrleansDashboard("/admin/dashboard").AddEndpointFilter<AdminAuthenticationFilter>();
        }

        return app;
    }

    private static async Task<IResult> UsageAsync(HttpContext context, IGrainFactory grains)
    {
        var tenant = TenantAuthenticationFilter.TenantOf(context);
        var budget = await grains.GetGrain<ITenantBudgetGrain>(GrainKeys.Budget(tenant)).GetSnapshot();
        return TypedResults.Json(
            new UsageResponse(tenant, budget.Period, budget.SpentUsd, budget.CapUsd, budget.HeldUsd, budget.RemainingUsd, budget.SettledRequests),
            ApiJsonContext.Api.UsageResponse);
    }

    private static IResult Models(ModelCatalog catalog)
    {
        List<ModelListResponse.Model> models = [new(CompletionRequest.AutoModel, "model", 0, "switchyard", null)];
        models.AddRange(catalog.All.Select(m => new ModelListResponse.Model(m.Name, "model", 0, "switchyard", WireNames.Tier(m.Tier))));
        return TypedResults.Json(new ModelListResponse("list", models), ApiJsonContext.Api.ModelListResponse);
    }

    private static async Task<IResult> RouterAsync(string taskType, HttpContext context, IGrainFactory grains, TenantDirectory tenants)
    {
        var (key, error) = RouterKeyReader.Read(taskType, context, tenants);
        return error ?? TypedResults.Json(await grains.GetGrain<ITaskRouterGrain>(key!).GetSnapshot(), ApiJsonContext.Api.RouterSnapshot);
    }

    private static async Task<IResult> QualityGroupAsync(string group, IGrainFactory grains) =>
        await grains.GetGrain<IQualityGroupGrain>(GrainKeys.QualityGroup(group)).GetSnapshot() is { } snapshot
            ? TypedResults.Json(snapshot, ApiJsonContext.Api.QualityGroupSnapshot)
            : ApiError.Result(StatusCodes.Status404NotFound, $"There is no quality group '{group}' under Switchyard:Routing:QualityGroups.", "invalid_request_error", "quality_group_not_found", "group");
}
