using Switchyard.Budget;
using Switchyard.Tenants;

namespace Switchyard.Silo.Http.Admin;

/// <summary><c>PUT /admin/tenants/{id}</c> and <c>GET /admin/tenants/{id}/budget</c>.</summary>
public static class TenantAdminEndpoints
{
    /// <summary>Maps the tenant endpoints on the admin group.</summary>
    public static RouteGroupBuilder MapTenantAdmin(this RouteGroupBuilder admin)
    {
        admin.MapPut("/tenants/{tenantId}", PutAsync);
        admin.MapGet("/tenants/{tenantId}/budget", BudgetAsync);
        return admin;
    }

    private static async Task<IResult> PutAsync(
        string tenantId, HttpRequest request, IGrainFactory grains, TenantDirectory directory, TenantKeyRing keys, CancellationToken cancellationToken)
    {
        if (!GrainKeys.IsValidTenantId(tenantId))
        {
            return ApiError.BadRequest($"'{tenantId}' is not a valid tenant id (1-128 characters, no '{GrainKeys.Separator}').", "tenantId");
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        TenantRecord tenant;
        try
        {
            (tenant, var plainKeys) = TenantRequestReader.Read(body.GetBuffer().AsSpan(0, (int)body.Length));
            foreach (var key in plainKeys)
            {
                if (keys.IsAdmin(key) || keys.FindTenant(key) is { } owner && owner != tenantId)
                {
                    throw new RequestValidationException("One of 'api_keys' is already in use by another tenant or the admin API.", "api_keys");
                }
            }
        }
        catch (RequestValidationException invalid)
        {
            return ApiError.BadRequest(invalid.Message, invalid.Param);
        }

        var created = !directory.Contains(tenantId);
        await grains.GetGrain<ITenantDirectoryGrain>(GrainKeys.TenantDirectory).Put(tenantId, tenant);
        await directory.RefreshAsync(grains);

        var limits = tenant.Limits;
        var response = new TenantResponse(
            tenantId,
            created,
            tenant.ApiKeySha256.Length,
            new(limits.MonthlyCapUsd, limits.DailyCapUsd, limits.Hard, limits.MaxRequestUsd, limits.DowngradeBelowUsd),
            new(tenant.RequestsPerMinute, tenant.TokensPerMinute),
            tenant.AlertWebhook);
        return TypedResults.Json(response, ApiJsonContext.Api.TenantResponse, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> BudgetAsync(string tenantId, IGrainFactory grains, TenantDirectory directory, TimeProvider time)
    {
        if (!GrainKeys.IsValidTenantId(tenantId))
        {
            return ApiError.BadRequest($"'{tenantId}' is not a valid tenant id.", "tenantId");
        }

        if (!directory.Contains(tenantId))
        {
            return ApiError.Result(StatusCodes.Status404NotFound, $"There is no tenant '{tenantId}'.", "invalid_request_error", "tenant_not_found", "tenantId");
        }

        var budget = await grains.GetGrain<ITenantBudgetGrain>(GrainKeys.Budget(tenantId)).GetSnapshot();
        var forecast = BudgetForecast.Project(budget.SpentUsd, time.GetUtcNow());
        return TypedResults.Json(
            new BudgetResponse(
                tenantId, budget.Period, budget.SpentUsd, budget.HeldUsd, budget.CapUsd, forecast, BudgetForecast.Alerts(budget, forecast),
                budget.Day, budget.DaySpentUsd, budget.DailyCapUsd, budget.Hard, budget.SettledRequests),
            ApiJsonContext.Api.BudgetResponse);
    }
}
