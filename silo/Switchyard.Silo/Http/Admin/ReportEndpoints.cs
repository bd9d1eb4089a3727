using System.Globalization;
using Npgsql;
using Switchyard.Ledger;
using Switchyard.Tenants;

namespace Switchyard.Silo.Http.Admin;

/// <summary><c>GET /admin/reports/daily?date=YYYY-MM-DD[&amp;tenant=…]</c>: calls, tokens and cost per model, from the ledger.</summary>
public static partial class ReportEndpoints
{
    /// <summary>Maps the report endpoints on the admin group.</summary>
    public static RouteGroupBuilder MapReports(this RouteGroupBuilder admin)
    {
        admin.MapGet("/reports/daily", DailyAsync);
        return admin;
    }

    private static async Task<IResult> DailyAsync(
        HttpRequest request, CallLedger ledger, TenantDirectory directory, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var dateText = request.Query["date"].ToString();
        DateOnly date;
        if (dateText.Length == 0)
        {
            date = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        }
        else if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return ApiError.BadRequest($"'date' must be a UTC day as YYYY-MM-DD; '{dateText}' is not.", "date");
        }

        string? tenant = null;
        if (request.Query.ContainsKey("tenant"))
        {
            tenant = request.Query["tenant"].ToString();
            if (!GrainKeys.IsValidTenantId(tenant))
            {
                return ApiError.BadRequest($"'{tenant}' is not a valid tenant id.", "tenant");
            }

            if (!directory.Contains(tenant))
            {
                return ApiError.Result(StatusCodes.Status404NotFound, $"There is no tenant '{tenant}'.", "invalid_request_error", "tenant_not_found", "tenant");
            }
        }

        DailyReport report;
        try
        {
            report = await ledger.DailyAsync(date, tenant, cancellationToken);
        }
        catch (Exception exception) when (exception is NpgsqlException or IOException or TimeoutException)
        {
            LogReportFailed(loggers.CreateLogger(typeof(ReportEndpoints)), exception);
            return ApiError.Result(StatusCodes.Status503ServiceUnavailable, "The ledger cannot be read right now; retry later.", "api_error", "service_unavailable");
        }

        var response = new DailyReportResponse(
            report.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            tenant,
            [.. report.Rows.Select(r => new DailyReportResponse.Row(r.Model, r.Calls, r.CacheHits, r.PromptTokens, r.CachedTokens, r.CompletionTokens, r.CostUsd, r.AuditCalls, r.AuditUsd))],
            report.TotalUsd,
            report.AuditUsd);
        return TypedResults.Json(response, ApiJsonContext.Api.DailyReportResponse);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the ledger for a daily report failed")]
    private static partial void LogReportFailed(ILogger logger, Exception exception);
}
