namespace Switchyard.Caching;

/// <summary>A semantic lookup in one cache shard.</summary>
/// <param name="Context">
/// The fingerprint of everything but the last user message (task type, model, parameters, system
/// prompt, earlier turns): only entries with the same fingerprint can match.
/// </param>
/// <param name="Embedding">The unit-length embedding of the last user message.</param>
/// <param name="Threshold">The least cosine similarity that counts as a hit.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.caching.SemanticCacheQuery")]
public sealed record SemanticCacheQuery(
    [property: Id(0)] ulong Context,
    [property: Id(1)] float[] Embedding,
    [property: Id(2)] float Threshold);
