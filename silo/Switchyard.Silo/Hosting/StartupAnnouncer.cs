using Microsoft.Extensions.Options;
using Switchyard.Silo.Http;
using Switchyard.Tenants;

namespace Switchyard.Silo.Hosting;

/// <summary>Says at start which tenants exist, and how to configure one when none does.</summary>
internal sealed partial class StartupAnnouncer(
    IOptions<TenantsOptions> tenants,
    TenantKeyRing keys,
    IHostEnvironment environment,
    ILogger<StartupAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            LogNoTenants(logger);
        }
        else if (environment.IsDevelopment())
        {
            // Development only: these are the well-known demo keys from appsettings.Development.json.
            foreach (var (tenantId, tenant) in tenants.Value.Tenants)
            {
                LogDevelopmentTenant(logger, tenantId, tenant.ApiKey ?? "(hashed)", tenant.MonthlyCapUsd);
            }

            if (tenants.Value.AdminApiKey is { } admin)
            {
                LogDevelopmentAdmin(logger, admin);
            }
        }
        else
        {
            LogTenantCount(logger, tenants.Value.Tenants.Count);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No tenants are configured, so every API call will answer 401. Add one with configuration such as Switchyard__Tenants__acme__ApiKeySha256=<sha256 hex of its key> and Switchyard__Tenants__acme__MonthlyCapUsd=50 (environment variables), or a Switchyard:Tenants section in appsettings.json.")]
    private static partial void LogNoTenants(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Development tenant '{TenantId}': API key {ApiKey}, monthly cap {CapUsd} USD")]
    private static partial void LogDevelopmentTenant(ILogger logger, string tenantId, string apiKey, decimal capUsd);

    [LoggerMessage(Level = LogLevel.Information, Message = "Development admin key: {ApiKey}")]
    private static partial void LogDevelopmentAdmin(ILogger logger, string apiKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} tenants configured")]
    private static partial void LogTenantCount(ILogger logger, int count);
}
