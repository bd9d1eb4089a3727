namespace Switchyard.Tenants;

/// <summary>The tenants and the admin key, bound from <c>Switchyard</c>.</summary>
public sealed class TenantsOptions
{
    /// <summary>Tenants by id. Default: none (the Development environment adds <c>demo</c>).</summary>
    public Dictionary<string, TenantOptions> Tenants { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The key of the <c>/admin</c> endpoints. Default: none, which turns them off.</summary>
    public string? AdminApiKey { get; set; }
}
