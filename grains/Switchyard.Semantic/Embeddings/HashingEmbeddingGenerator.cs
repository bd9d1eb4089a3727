using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace Switchyard.Caching.Embeddings;

/// <summary>
/// The local default embedder: no model, no download. A text becomes a fixed-size vector of hashed
/// features — its words (common function words weighed down) and the character trigrams of each word
/// — with a hash-chosen sign per feature, L2-normalised so a dot product is the cosine similarity. It
/// matches the same question with different case, punctuation, function words, inflections or a typo;
/// it cannot match synonyms or paraphrases without shared words ("car" / "automobile"), it ignores word
/// order, and it cannot tell two questions apart that differ only in a function word. Word pairs were
/// tried and dropped: on the calibration pairs they cost a third of the recall at a 1% false-hit rate.
/// </summary>
public sealed class HashingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The name it is registered under.</summary>
    public const string Name = "hashing";

    /// <summary>Vector length unless told otherwise.</summary>
    public const int DefaultDimensions = 384;

    /// <summary>
    /// The similarity a semantic hit needs by default: calibrated on the MeanCache (Quora) pairs to a
    /// false-hit rate of at most 1% (see docs/benchmarks.md).
    /// </summary>
    public const float DefaultThreshold = 0.968f;

    private const float WordWeight = 1f;
    private const float StopWordWeight = 0.25f;
    private const float TrigramWeight = 0.2f;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "i", "you",
        "he", "she", "it", "we", "they", "me", "my", "your", "of", "to", "in", "on", "for", "at", "by",
        "and", "or", "with", "as", "that", "this", "there", "can", "could", "should", "would", "will",
        "what", "how", "why", "which", "who", "when", "where", "some", "any", "s", "t",
    };

    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <summary>An embedder producing vectors of <paramref name="dimensions"/> floats.</summary>
    public HashingEmbeddingGenerator(int dimensions = DefaultDimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 8);
        Dimensions = dimensions;
        _metadata = new EmbeddingGeneratorMetadata("switchyard-hashing", null, "hashed-ngrams-v2", dimensions);
    }

    /// <summary>The vector length.</summary>
    public int Dimensions { get; }

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            embeddings.Add(new Embedding<float>(Embed(value)) { ModelId = _metadata.DefaultModelId, CreatedAt = null });
        }

        return Task.FromResult(embeddings);
    }

    /// <summary>The embedding of <paramref name="text"/>, computed synchronously.</summary>
    public float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        Embed(text, vector);
        return vector;
    }

    /// <summary>Writes the embedding of <paramref name="text"/> into <paramref name="destination"/>.</summary>
    public void Embed(string text, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNotEqual(destination.Length, Dimensions);
        destination.Clear();
        foreach (var word in FeatureHashing.Words(text))
        {
            FeatureHashing.Add(destination, word, FeatureHashing.WordSeed, StopWords.Contains(word) ? StopWordWeight : WordWeight);
            AddTrigrams(destination, word);
        }

        var norm = TensorPrimitives.Norm(destination);
        if (norm > 0f)
        {
            TensorPrimitives.Divide(destination, norm, destination);
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Nothing to release: the embedder holds no native or pooled resources.
    }

    private static void AddTrigrams(Span<float> destination, string word)
    {
        // Boundary markers make prefixes and suffixes distinct features ("#vo" is not "vo" inside a word).
        Span<char> padded = stackalloc char[word.Length + 2];
        padded[0] = '#';
        word.AsSpan().CopyTo(padded[1..]);
        padded[^1] = '#';
        var count = padded.Length - 2;
        var weight = TrigramWeight / MathF.Sqrt(count);
        for (var i = 0; i < count; i++)
        {
            FeatureHashing.Add(destination, padded.Slice(i, 3), FeatureHashing.TrigramSeed, weight);
        }
    }
}
