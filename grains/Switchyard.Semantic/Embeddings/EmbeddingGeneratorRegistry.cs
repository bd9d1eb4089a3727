using Microsoft.Extensions.AI;

namespace Switchyard.Caching.Embeddings;

/// <summary>
/// The embedders the cache can use, by name (<c>Switchyard:Cache:Embedder</c>), each with the
/// similarity threshold calibrated for it. The local <see cref="HashingEmbeddingGenerator"/> is always
/// registered as <c>hashing</c>; provider embedders (embedding models of the catalog) register here
/// under their catalog names.
/// </summary>
public sealed class EmbeddingGeneratorRegistry
{
    private readonly Dictionary<string, (IEmbeddingGenerator<string, Embedding<float>> Generator, float? Threshold)> _generators =
        new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A registry holding the local embedder with <paramref name="dimensions"/> dimensions.</summary>
    public EmbeddingGeneratorRegistry(int dimensions = HashingEmbeddingGenerator.DefaultDimensions) =>
        Add(HashingEmbeddingGenerator.Name, new HashingEmbeddingGenerator(dimensions), HashingEmbeddingGenerator.DefaultThreshold);

    /// <summary>The registered names.</summary>
    public IReadOnlyCollection<string> Names => _generators.Keys;

    /// <summary>
    /// Registers <paramref name="generator"/> under <paramref name="name"/>, replacing any earlier one, with
    /// the threshold calibrated for it (null: none, so the cache's configuration must give one).
    /// </summary>
    public void Add(string name, IEmbeddingGenerator<string, Embedding<float>> generator, float? threshold = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(generator);
        _generators[name] = (generator, threshold);
    }

    /// <summary>The embedder named <paramref name="name"/>, or false when none is registered under it.</summary>
    public bool TryGet(string name, out IEmbeddingGenerator<string, Embedding<float>> generator)
    {
        var found = _generators.TryGetValue(name, out var entry);
        generator = entry.Generator;
        return found;
    }

    /// <summary>The threshold calibrated for the embedder named <paramref name="name"/>, or null when it has none.</summary>
    public float? ThresholdOf(string name) => _generators.TryGetValue(name, out var entry) ? entry.Threshold : null;
}
