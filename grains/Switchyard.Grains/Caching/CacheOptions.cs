using Switchyard.Caching.Embeddings;

namespace Switchyard.Caching;

/// <summary>How tenants' caches are laid out, bound from <c>Switchyard:Cache</c>.</summary>
public sealed class CacheOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Switchyard:Cache";

    /// <summary>Whether the cache is used at all. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Shards per tenant; a tenant's entries spread over them, and so over silos. Every semantic lookup
    /// asks each of them (one grain call and one partial search each), so more shards spread a large
    /// cache's search and memory over more silos and cost more per request. Default: 2 (on one silo, 2
    /// used 10 % less CPU per request than 4, docs/benchmarks.md).
    /// </summary>
    public int ShardsPerTenant { get; set; } = 2;

    /// <summary>
    /// Bytes of entries (answers, keys and vectors, estimated) a shard holds before it evicts the
    /// least recently used. Default: 64 MiB.
    /// </summary>
    public long MaxBytesPerShard { get; set; } = 64L * 1024 * 1024;

    /// <summary>How long an entry is served, unless its task type says otherwise. Default: 1 hour.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Whether answers are also found by meaning, not only by exact key. Default: true.</summary>
    public bool Semantic { get; set; } = true;

    /// <summary>
    /// The embedder of semantic keys: <c>hashing</c>, the local <see cref="HashingEmbeddingGenerator"/> of
    /// <see cref="HashingEmbeddingGenerator.DefaultDimensions"/> dimensions, or the name of an embedding
    /// model of the catalog (<c>Switchyard:Models:&lt;name&gt;:Kind = embedding</c>). Default: <c>hashing</c>.
    /// </summary>
    public string Embedder { get; set; } = HashingEmbeddingGenerator.Name;

    /// <summary>
    /// The least cosine similarity of a semantic hit, unless its task type says otherwise. Default: null,
    /// the threshold calibrated for the embedder — <see cref="HashingEmbeddingGenerator.DefaultThreshold"/>
    /// for <c>hashing</c>, the catalog entry's <c>SimilarityThreshold</c> for a provider embedder.
    /// A threshold belongs to one embedder: recalibrate (<c>switchyard eval cache</c>) when changing it.
    /// </summary>
    public float? SimilarityThreshold { get; set; }

    /// <summary>
    /// Requests sampled above this temperature are not cached at all: the caller asked for variety.
    /// Default: 1.0.
    /// </summary>
    public double MaxCacheableTemperature { get; set; } = 1.0;

    /// <summary>Per task type overrides of the time to live, threshold and semantic matching. Default: none.</summary>
    public Dictionary<string, CacheTaskTypeOptions> TaskTypes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Where shards write their snapshots; null or empty disables them. Default: <c>cache/</c> under
    /// the silo's <c>Switchyard:DataDirectory</c>.
    /// </summary>
    public string? SnapshotDirectory { get; set; }

    /// <summary>How often a changed shard writes its snapshot (it also writes one on deactivation). Default: 5 minutes.</summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The time to live for <paramref name="taskType"/>.</summary>
    public TimeSpan TimeToLiveFor(string taskType) =>
        TaskTypes.TryGetValue(taskType, out var o) && o.TimeToLive is { } ttl ? ttl : TimeToLive;

    /// <summary>The similarity threshold for <paramref name="taskType"/>, given the embedder's own <paramref name="embedderThreshold"/>.</summary>
    public float ThresholdFor(string taskType, float embedderThreshold) =>
        TaskTypes.TryGetValue(taskType, out var o) && o.SimilarityThreshold is { } threshold ? threshold : SimilarityThreshold ?? embedderThreshold;

    /// <summary>Whether <paramref name="taskType"/> is matched by meaning.</summary>
    public bool SemanticFor(string taskType) =>
        Semantic && (!TaskTypes.TryGetValue(taskType, out var o) || o.Semantic is not false);
}
