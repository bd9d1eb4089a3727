using System.Numerics.Tensors;
using Switchyard.Caching.Embeddings;

namespace Switchyard.Routing.Learning;

/// <summary>
/// A compact, fixed-size signature of what a request asks, for finding earlier requests like it: the
/// words and word pairs of the query, each hashed to one of <see cref="Dimensions"/> slots with a
/// hash-chosen sign, L2-normalised and quantised to signed bytes. The query is the last paragraph of
/// the last user message: prompts of one task type often share their instructions and worked
/// examples, and it is the part after them that differs from one request to the next.
/// </summary>
public static class QuerySignature
{
    /// <summary>Bytes (slots) per signature.</summary>
    public const int Dimensions = 256;

    /// <summary>The signature of <paramref name="prompt"/> (the last user message's text).</summary>
    public static sbyte[] Of(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var query = LastParagraph(prompt);
        var words = FeatureHashing.Words(query);
        Span<float> sums = stackalloc float[Dimensions];
        for (var i = 0; i < words.Count; i++)
        {
            FeatureHashing.Add(sums, words[i], FeatureHashing.WordSeed, 1f);
            if (i + 1 < words.Count)
            {
                FeatureHashing.Add(sums, $"{words[i]} {words[i + 1]}", FeatureHashing.PairSeed, 1f);
            }
        }

        var norm = TensorPrimitives.Norm(sums);
        var signature = new sbyte[Dimensions];
        if (norm == 0)
        {
            return signature;
        }

        for (var i = 0; i < Dimensions; i++)
        {
            signature[i] = (sbyte)Math.Clamp(MathF.Round(sums[i] / norm * 127f), -127, 127);
        }

        return signature;
    }

    /// <summary>The cosine similarity of two signatures, in [-1, 1]; 0 when either is empty.</summary>
    public static double Similarity(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        long dot = 0, aa = 0, bb = 0;
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            dot += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }

        return aa == 0 || bb == 0 ? 0 : dot / Math.Sqrt((double)aa * bb);
    }

    /// <summary>The last non-empty paragraph (blocks separated by a blank line) of <paramref name="text"/>.</summary>
    public static string LastParagraph(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var cut = normalised.LastIndexOf("\n\n", StringComparison.Ordinal);
        return cut < 0 ? normalised : normalised[(cut + 2)..];
    }
}
