namespace Switchyard.Caching;

/// <summary>Counters of one cache shard since it was activated.</summary>
[GenerateSerializer, Immutable]
[Alias("switchyard.caching.CacheShardStatistics")]
public sealed record CacheShardStatistics(
    [property: Id(0)] int Entries,
    [property: Id(1)] long Hits,
    [property: Id(2)] long Misses,
    [property: Id(3)] long Evictions,
    [property: Id(4)] long Expirations);
