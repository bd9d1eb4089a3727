using System.Collections.Immutable;
using Microsoft.Extensions.Options;

namespace Switchyard.Tenants;

/// <summary>
/// This silo's view of every tenant: the configured ones (<c>Switchyard:Tenants</c>) and a copy of the
/// runtime ones from <see cref="ITenantDirectoryGrain"/>, refreshed by <see cref="TenantDirectoryRefresher"/>.
/// A runtime tenant replaces a configured one of the same id.
/// </summary>
public sealed class TenantDirectory(IOptionsMonitor<TenantsOptions> configured)
{
    private volatile ImmutableDictionary<string, TenantRecord> _runtime = ImmutableDictionary<string, TenantRecord>.Empty;

    /// <summary>The runtime tenants as last refreshed.</summary>
    public ImmutableDictionary<string, TenantRecord> Runtime => _runtime;

    /// <summary>True when <paramref name="tenantId"/> is configured or was created at runtime.</summary>
    public bool Contains(string tenantId) => _runtime.ContainsKey(tenantId) || configured.CurrentValue.Tenants.ContainsKey(tenantId);

    /// <summary>The budget rules of <paramref name="tenantId"/>; <see cref="Switchyard.Budget.BudgetLimits.None"/> for an unknown tenant.</summary>
    public Switchyard.Budget.BudgetLimits LimitsOf(string tenantId) =>
        _runtime.TryGetValue(tenantId, out var record) ? record.Limits
        : configured.CurrentValue.Tenants.TryGetValue(tenantId, out var tenant) ? tenant.ToLimits()
        : Switchyard.Budget.BudgetLimits.None;

    /// <summary>The requests- and tokens-per-minute limits of <paramref name="tenantId"/>; null where there is none.</summary>
    public (int? RequestsPerMinute, int? TokensPerMinute) RateLimitsOf(string tenantId) =>
        _runtime.TryGetValue(tenantId, out var record) ? (record.RequestsPerMinute, record.TokensPerMinute)
        : configured.CurrentValue.Tenants.TryGetValue(tenantId, out var tenant) ? (tenant.RequestsPerMinute, tenant.TokensPerMinute)
        : (null, null);

    /// <summary>Where the budget alerts of <paramref name="tenantId"/> are posted; null for nowhere.</summary>
    public Uri? AlertWebhookOf(string tenantId)
    {
        var webhook = _runtime.TryGetValue(tenantId, out var record) ? record.AlertWebhook
            : configured.CurrentValue.Tenants.TryGetValue(tenantId, out var tenant) ? tenant.AlertWebhook
            : null;
        return Uri.TryCreate(webhook, UriKind.Absolute, out var uri) ? uri : null;
    }

    /// <summary>Reads the runtime tenants from the directory grain.</summary>
    public async Task RefreshAsync(IGrainFactory grains) =>
        _runtime = await grains.GetGrain<ITenantDirectoryGrain>(GrainKeys.TenantDirectory).GetAll();
}
