namespace Switchyard;

/// <summary>
/// Builds every grain key from its domain parts, in one place, so that no caller can invent a key
/// that crosses a tenant boundary.
/// </summary>
public static class GrainKeys
{
    /// <summary>The separator between a tenant id and a shard index. Tenant ids may not contain it.</summary>
    public const char Separator = '/';

    /// <summary>The key of a tenant's budget grain: the tenant id itself.</summary>
    public static string Budget(string tenantId) => RequireTenant(tenantId);

    /// <summary>The key of a tenant's rate-limit window: the tenant id itself.</summary>
    public static string RateLimit(string tenantId) => RequireTenant(tenantId);

    /// <summary>The key of the one tenant directory grain.</summary>
    public const string TenantDirectory = "tenants";

    /// <summary>The key of a task type's router grain: the task type, normalised to lower case.</summary>
    public static string Router(string taskType) => taskType.Trim().ToLowerInvariant();

    /// <summary>
    /// The key of a tenant's own router for a task type: <c>taskType/tenant</c> (task types name no
    /// <c>/</c>). It learns from the tenant's requests only, with the task type's router as its prior.
    /// </summary>
    public static string TenantRouter(string tenantId, string taskType) => $"{Router(taskType)}{Separator}{RequireTenant(tenantId)}";

    /// <summary>Splits a router key into its task type and, for a tenant's router, its tenant id.</summary>
    public static (string TaskType, string? TenantId) ParseRouter(string key)
    {
        var at = key.LastIndexOf(Separator);
        return at <= 0 ? (key, null) : (key[..at], key[(at + 1)..]);
    }

    /// <summary>The key of a quality group's grain: the group name, normalised to lower case.</summary>
    public static string QualityGroup(string group) => group.Trim().ToLowerInvariant();

    /// <summary>The key of a tenant's feedback ledger: the tenant id itself.</summary>
    public static string Feedback(string tenantId) => RequireTenant(tenantId);

    /// <summary>The key of one of a tenant's cache shards: <c>tenant/shardIndex</c>.</summary>
    public static string CacheShard(string tenantId, int shardIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shardIndex);
        return $"{RequireTenant(tenantId)}{Separator}{shardIndex}";
    }

    /// <summary>Splits a cache shard key back into its tenant id and shard index.</summary>
    public static (string TenantId, int ShardIndex) ParseCacheShard(string key)
    {
        var at = key.LastIndexOf(Separator);
        if (at <= 0 || !int.TryParse(key.AsSpan(at + 1), out var index))
        {
            throw new FormatException($"'{key}' is not a cache shard key of the form tenant/index.");
        }

        return (key[..at], index);
    }

    /// <summary>True when <paramref name="tenantId"/> can be used as a key part.</summary>
    public static bool IsValidTenantId(string? tenantId) =>
        !string.IsNullOrWhiteSpace(tenantId) && tenantId.Length <= 128 && !tenantId.Contains(Separator);

    private static string RequireTenant(string tenantId) => IsValidTenantId(tenantId)
        ? tenantId
        : throw new ArgumentException($"'{tenantId}' is not a valid tenant id (1-128 characters, no '{Separator}').", nameof(tenantId));
}
