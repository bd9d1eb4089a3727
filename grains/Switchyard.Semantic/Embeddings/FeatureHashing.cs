using System.Runtime.InteropServices;

namespace Switchyard.Caching.Embeddings;

/// <summary>
/// The hashing trick shared by the local embedder and the router's query signatures: a text's words,
/// and features made of them, each land in one slot of a fixed-size vector with a hash-chosen sign.
/// The hash is stable across processes, so vectors written to disk stay comparable.
/// </summary>
public static class FeatureHashing
{
    /// <summary>Seed of word features.</summary>
    public const ulong WordSeed = 0x9E3779B97F4A7C15UL;

    /// <summary>Seed of character trigram features.</summary>
    public const ulong TrigramSeed = 0xC2B2AE3D27D4EB4FUL;

    /// <summary>Seed of word-pair features.</summary>
    public const ulong PairSeed = 0x165667B19E3779F9UL;

    /// <summary>The lower-cased runs of letters and digits of <paramref name="text"/> (each cut at 64 characters).</summary>
    public static List<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
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

    /// <summary>Adds <paramref name="weight"/>, with the feature's sign, to the slot <paramref name="feature"/> hashes to.</summary>
    public static void Add(Span<float> destination, ReadOnlySpan<char> feature, ulong seed, float weight)
    {
        var hash = Hash(feature, seed);
        var index = (int)((hash >> 1) % (ulong)destination.Length);
        destination[index] += (hash & 1) == 0 ? weight : -weight;
    }

    private static ulong Hash(ReadOnlySpan<char> text, ulong seed)
    {
        // FNV-1a over the UTF-16 code units, finished with a 64-bit mixer.
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
