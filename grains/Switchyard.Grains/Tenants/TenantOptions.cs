namespace Switchyard.Tenants;

/// <summary>One tenant, bound from <c>Switchyard:Tenants:&lt;tenant id&gt;</c>.</summary>
public sealed class TenantOptions
{
    /// <summary>
    /// The tenant's API key in plain text. Hashed with SHA-256 at start; prefer <see cref="ApiKeySha256"/>
    /// so the plain key is never stored in configuration. Default: none.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>The lowercase hex SHA-256 of the tenant's API key. Default: none.</summary>
    public string? ApiKeySha256 { get; set; }

    /// <summary>The most the tenant may spend in a calendar month (UTC), in USD. Default: 10.</summary>
    public decimal MonthlyCapUsd { get; set; } = 10m;
}
