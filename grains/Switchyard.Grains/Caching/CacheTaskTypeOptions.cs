namespace Switchyard.Caching;

/// <summary>One task type's cache settings, bound from <c>Switchyard:Cache:TaskTypes:{taskType}</c>.</summary>
public sealed class CacheTaskTypeOptions
{
    /// <summary>How long its entries are served. Default: null, the cache's <see cref="CacheOptions.TimeToLive"/>.</summary>
    public TimeSpan? TimeToLive { get; set; }

    /// <summary>The least similarity of a semantic hit. Default: null, the cache's <see cref="CacheOptions.SimilarityThreshold"/> (or the embedder's own).</summary>
    public float? SimilarityThreshold { get; set; }

    /// <summary>False to match this task type exactly only. Default: null, the cache's <see cref="CacheOptions.Semantic"/>.</summary>
    public bool? Semantic { get; set; }
}
