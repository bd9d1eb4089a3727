namespace Switchyard.Cli.Commands;

/// <summary>The parameters of <c>switchyard bench cache</c>.</summary>
/// <param name="Entries">Entries to index.</param>
/// <param name="Dims">Embedding dimensions.</param>
/// <param name="Queries">Lookups to time.</param>
/// <param name="Shards">Shards the entries spread over.</param>
/// <param name="Seed">Seed of the generated questions.</param>
/// <param name="Parallel">True to search the shards in parallel, as the cache's fan-out does.</param>
internal sealed record BenchSettings(int Entries, int Dims, int Queries, int Shards, int Seed, bool Parallel = true)
{
    /// <summary>Lists a partitioned shard visits per lookup.</summary>
    public int Probes { get; init; } = Caching.Vectors.VectorIndex.DefaultProbes;

    /// <summary>First-pass candidates re-scored exactly.</summary>
    public int Rerank { get; init; } = Caching.Vectors.VectorIndex.DefaultRerankCandidates;

    /// <summary>The similarity a neighbour needs to answer a lookup (the cache's threshold): recall is also measured over queries whose exact neighbour reaches it.</summary>
    public float Threshold { get; init; } = Caching.Embeddings.HashingEmbeddingGenerator.DefaultThreshold;

    /// <summary>The longest a shard's list grows before it is split.</summary>
    public int MaxListLength { get; init; } = Caching.Vectors.VectorIndex.DefaultMaxListLength;
}
