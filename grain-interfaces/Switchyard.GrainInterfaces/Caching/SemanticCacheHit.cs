namespace Switchyard.Caching;

/// <summary>An answer found by meaning, with how close it was.</summary>
/// <param name="Completion">The cached answer.</param>
/// <param name="Similarity">The cosine similarity of the cached request to the query.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.caching.SemanticCacheHit")]
public sealed record SemanticCacheHit(
    [property: Id(0)] CachedCompletion Completion,
    [property: Id(1)] float Similarity);
