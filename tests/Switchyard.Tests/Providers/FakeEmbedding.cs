namespace Switchyard.Tests.Providers;

/// <summary>
/// The fake upstream's embedding model: a bag of content words in which a few synonyms share one
/// concept ("automobile" is "car", "price" is "cost"), so it matches rewordings the local hashing
/// embedder cannot — enough to tell which embedder answered.
/// </summary>
public static class FakeEmbedding
{
    public const int DefaultDimensions = 64;

    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["automobile"] = "car",
        ["vehicle"] = "car",
        ["price"] = "cost",
        ["fee"] = "cost",
    };

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "is", "does", "do", "of", "in", "what", "how", "i", "my",
    };

    public static float[] Of(string text, int dimensions)
    {
        var vector = new float[dimensions];
        var words = text.ToLowerInvariant().Split([' ', '?', '.', ',', '!'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in words.Where(w => !StopWords.Contains(w)))
        {
            var concept = Synonyms.GetValueOrDefault(word, word);
            var hash = 17u;
            foreach (var c in concept)
            {
                hash = (hash * 31) + c;
            }

            vector[hash % (uint)dimensions] += 1f;
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return norm == 0f ? vector : vector.Select(v => v / norm).ToArray();
    }
}
