namespace Switchyard.Caching;

/// <summary>How tenants' caches are laid out, bound from <c>Switchyard:Cache</c>.</summary>
public sealed class CacheOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Switchyard:Cache";

    /// <summary>Whether the cache is used at all. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Shards per tenant; a tenant's entries spread over them, and so over silos. Default: 4.</summary>
    public int ShardsPerTenant { get; set; } = 4;

    /// <summary>Entries a shard holds before it evicts the least recently used. Default: 10,000.</summary>
    public int MaxEntriesPerShard { get; set; } = 10_000;

    /// <summary>How long an entry is served. Default: 1 hour.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromHours(1);
}
