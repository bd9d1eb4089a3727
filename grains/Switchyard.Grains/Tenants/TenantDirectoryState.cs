using System.Collections.Immutable;

namespace Switchyard.Tenants;

/// <summary>The persisted state of the tenant directory grain.</summary>
[GenerateSerializer]
[Alias("switchyard.tenants.TenantDirectoryState")]
public sealed class TenantDirectoryState
{
    /// <summary>Runtime tenants by id.</summary>
    [Id(0)] public ImmutableDictionary<string, TenantRecord> Tenants { get; set; } = ImmutableDictionary.Create<string, TenantRecord>(StringComparer.Ordinal);
}
