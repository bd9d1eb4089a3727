using System.Numerics.Tensors;
using System.Runtime.InteropServices;
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
        foreach (var word in Words(text))
        {
            Add(destination, Hash(word, 0x9E3779B97F4A7C15UL), StopWords.Contains(word) ? StopWordWeight : WordWeight);
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

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var span = text.AsSpan();
        Span<char> buffer = stackalloc char[64];
        var length = 0;
        for (var i = 0; i <= span.Length; i++)
        {
            var c = i < span.Length ? span[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                if (length < buffer.Length)
                {
                    buffer[length++] = char.ToLowerInvariant(c);
                }
            }
            else if (length > 0)
            {
                words.Add(new string(buffer[..length]));
                length = 0;
            }
        }

        return words;
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
            Add(destination, Hash(padded.Slice(i, 3), 0xC2B2AE3D27D4EB4FUL), weight);
        }
    }

    private static void Add(Span<float> destination, ulong hash, float weight)
    {
        var index = (int)((hash >> 1) % (ulong)destination.Length);
        destination[index] += (hash & 1) == 0 ? weight : -weight;
    }

    private static ulong Hash(ReadOnlySpan<char> text, ulong seed)
    {
        // FNV-1a over the UTF-16 code units, finished with a 64-bit mixer: stable across processes and runs.
        var hash = 14695981039346656037UL ^ seed;
        foreach (var b in MemoryMarshal.AsBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return Mix(hash);
    }

    private static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
