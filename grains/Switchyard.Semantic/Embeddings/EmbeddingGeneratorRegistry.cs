using Microsoft.Extensions.AI;

namespace Switchyard.Caching.Embeddings;

/// <summary>
/// The embedders the cache can use, by name (<c>Switchyard:Cache:Embedder</c>). The local
/// <see cref="HashingEmbeddingGenerator"/> is always registered as <c>hashing</c>; provider embedders
/// (OpenAI-compatible endpoints from the model catalog) register here under their own names.
/// </summary>
public sealed class EmbeddingGeneratorRegistry
{
    private readonly Dictionary<string, IEmbeddingGenerator<string, Embedding<float>>> _generators = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A registry holding the local embedder with <paramref name="dimensions"/> dimensions.</summary>
    public EmbeddingGeneratorRegistry(int dimensions = HashingEmbeddingGenerator.DefaultDimensions) =>
        Add(HashingEmbeddingGenerator.Name, new HashingEmbeddingGenerator(dimensions));

    /// <summary>The registered names.</summary>
    public IReadOnlyCollection<string> Names => _generators.Keys;

    /// <summary>Registers <paramref name="generator"/> under <paramref name="name"/>, replacing any earlier one.</summary>
    public void Add(string name, IEmbeddingGenerator<string, Embedding<float>> generator)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _generators[name] = generator ?? throw new ArgumentNullException(nameof(generator));
    }

    /// <summary>The embedder named <paramref name="name"/>, or false when none is registered under it.</summary>
    public bool TryGet(string name, out IEmbeddingGenerator<string, Embedding<float>> generator) =>
        _generators.TryGetValue(name, out generator!);
}
