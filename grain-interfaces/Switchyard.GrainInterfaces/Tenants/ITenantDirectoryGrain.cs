using System.Collections.Immutable;

namespace Switchyard.Tenants;

/// <summary>
/// The tenants created at runtime through the admin API (one grain, key <see cref="GrainKeys.TenantDirectory"/>).
/// It is read rarely: every silo keeps a copy it refreshes, so no request waits on this grain.
/// </summary>
[Alias("switchyard.tenants.ITenantDirectoryGrain")]
public interface ITenantDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the tenant <paramref name="tenantId"/>; durable before this returns.</summary>
    [Alias("Put")]
    Task Put(string tenantId, TenantRecord tenant);

    /// <summary>Every runtime tenant, by id.</summary>
    [Alias("GetAll")]
    Task<ImmutableDictionary<string, TenantRecord>> GetAll();
}
