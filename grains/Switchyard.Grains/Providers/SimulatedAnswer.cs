using System.Security.Cryptography;
using System.Text;

namespace Switchyard.Providers;

/// <summary>
/// The deterministic heart of the simulated provider: the same model and prompt always give the same
/// answer, correctness and confidence. Correct answers tend to be confident (0.6–1.0) and wrong ones
/// less so (0.15–0.75); the ranges overlap, as real confidence does, so thresholds matter.
/// </summary>
/// <param name="Text">The answer text.</param>
/// <param name="IsCorrect">Whether the simulated model got it right.</param>
/// <param name="Confidence">The confidence reported with it, in [0, 1].</param>
public sealed record SimulatedAnswer(string Text, bool IsCorrect, double Confidence)
{
    private static readonly string[] Vocabulary =
    [
        "the", "request", "answer", "is", "based", "on", "context", "given", "and", "it", "follows", "that",
        "result", "holds", "for", "this", "case", "because", "data", "shows", "a", "clear", "pattern", "so",
        "we", "conclude", "with", "reasonable", "certainty", "overall",
    ];

    /// <summary>The answer <paramref name="model"/> gives to <paramref name="prompt"/> at <paramref name="accuracy"/>.</summary>
    public static SimulatedAnswer For(string model, string prompt, double accuracy)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{model}\n{prompt}"), hash);
        var correctDraw = Unit(hash[..8]);
        var confidenceDraw = Unit(hash[8..16]);
        var isCorrect = correctDraw < accuracy;
        var confidence = isCorrect ? 0.6 + 0.4 * confidenceDraw : 0.15 + 0.6 * confidenceDraw;

        var words = 8 + hash[16] % 40;
        var text = new StringBuilder($"[{model}]");
        for (var i = 0; i < words; i++)
        {
            text.Append(' ').Append(Vocabulary[hash[(17 + i) % 32] * (i + 1) % Vocabulary.Length]);
        }

        text.Append('.');
        return new SimulatedAnswer(text.ToString(), isCorrect, Math.Round(confidence, 4));
    }

    private static double Unit(ReadOnlySpan<byte> bytes) =>
        (BitConverter.ToUInt64(bytes) >> 11) * (1.0 / (1UL << 53));
}
