using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using Switchyard.Providers;

namespace Switchyard.Routing.Confidence;

/// <summary>
/// Scores an answer's confidence by a task type's <see cref="ConfidenceSource"/>. The score is raw: the
/// router's calibrator maps it, per confidence band, to the probability of being right that it learns
/// from outcomes.
/// </summary>
public static class ConfidenceScorer
{
    /// <summary>The instruction added as a system message for <see cref="ConfidenceSource.SelfReported"/> task types.</summary>
    public const string SelfReportInstruction =
        "Reply with only a JSON object {\"label\": <your answer>, \"confidence\": <the probability, from 0 to 1, that your answer is right>}.";

    /// <summary>Asks the provider for what <paramref name="source"/> needs (log-probabilities).</summary>
    public static void Prepare(ChatOptions options, ConfidenceSource source)
    {
        if (source == ConfidenceSource.Logprobs)
        {
            options.RawRepresentationFactory = _ => new ChatCompletionOptions { IncludeLogProbabilities = true };
        }
    }

    /// <summary>The confidence of <paramref name="response"/> under <paramref name="source"/>.</summary>
    public static ScoredAnswer Score(ChatResponse response, ConfidenceSource source) => source switch
    {
        ConfidenceSource.SelfReported => SelfReported(response.Text),
        ConfidenceSource.Logprobs when Logprobs(response) is { } confidence => new ScoredAnswer(confidence, response.Text),
        _ => new ScoredAnswer(Reported(response), response.Text),
    };

    /// <summary>The confidence the model client attached to the answer, if any.</summary>
    public static double? Reported(ChatResponse response) =>
        response.AdditionalProperties?.TryGetValue(SimulatedChatClient.ConfidenceKey, out var value) == true && value is double confidence
            ? confidence
            : null;

    /// <summary>
    /// Reads <c>{"label", "confidence"}</c>, also inside a Markdown code fence; a confidence above 1
    /// is read as a percentage. Anything else has confidence 0, so it escalates.
    /// </summary>
    public static ScoredAnswer SelfReported(string text)
    {
        var json = text.Trim();
        if (json.StartsWith("```", StringComparison.Ordinal))
        {
            var start = json.IndexOf('\n');
            var end = json.LastIndexOf("```", StringComparison.Ordinal);
            json = start >= 0 && end > start ? json[(start + 1)..end].Trim() : json;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("label", out var label)
                && root.TryGetProperty("confidence", out var confidence)
                && confidence.ValueKind == JsonValueKind.Number
                && confidence.TryGetDouble(out var value)
                && value >= 0)
            {
                var answer = label.ValueKind == JsonValueKind.String ? label.GetString()! : label.GetRawText();
                return new ScoredAnswer(Math.Clamp(value > 1 ? value / 100 : value, 0, 1), answer);
            }
        }
        catch (JsonException)
        {
            // Not JSON: no confidence to speak of.
        }

        return new ScoredAnswer(0, text);
    }

    /// <summary>The geometric mean of the answer tokens' probabilities, when the provider returned them.</summary>
    public static double? Logprobs(ChatResponse response)
    {
        if (response.RawRepresentation is not ChatCompletion { ContentTokenLogProbabilities: { Count: > 0 } tokens })
        {
            return null;
        }

        return Math.Clamp(Math.Exp(tokens.Average(t => (double)t.LogProbability)), 0, 1);
    }
}
