using Microsoft.Extensions.AI;
using OpenAI.Chat;
using Switchyard.Providers;
using Switchyard.Routing.Confidence;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AIChatRole = Microsoft.Extensions.AI.ChatRole;

namespace Switchyard.Tests.Routing.Confidence;

public sealed class ConfidenceScorerTests
{
    private static ChatResponse Answer(string text) => new(new AIChatMessage(AIChatRole.Assistant, text));

    [Theory]
    [InlineData("""{"label": "spam", "confidence": 0.93}""", "spam", 0.93)]
    [InlineData("```json\n{\"label\": \"ham\", \"confidence\": 0.4}\n```", "ham", 0.4)]
    [InlineData("""{"label": "B", "confidence": 85}""", "B", 0.85)]
    [InlineData("""{"label": 42, "confidence": 1}""", "42", 1.0)]
    public void SelfReported_ReadsTheLabelAndConfidence(string text, string label, double confidence)
    {
        var scored = ConfidenceScorer.Score(Answer(text), ConfidenceSource.SelfReported);

        Assert.Equal(label, scored.Answer);
        Assert.Equal(confidence, scored.Confidence!.Value, 9);
    }

    [Theory]
    [InlineData("It is spam.")]
    [InlineData("""{"label": "spam"}""")]
    [InlineData("""{"label": "spam", "confidence": "high"}""")]
    [InlineData("""["spam", 0.9]""")]
    public void SelfReported_WithoutAReadableConfidence_IsZero(string text)
    {
        var scored = ConfidenceScorer.Score(Answer(text), ConfidenceSource.SelfReported);

        Assert.Equal(0, scored.Confidence);
        Assert.Equal(text, scored.Answer);
    }

    [Fact]
    public void Logprobs_AreTheGeometricMeanOfTheTokensProbabilities()
    {
        ChatTokenLogProbabilityDetails[] tokens =
        [
            OpenAIChatModelFactory.ChatTokenLogProbabilityDetails("yes", (float)Math.Log(0.9), null, []),
            OpenAIChatModelFactory.ChatTokenLogProbabilityDetails(" it", (float)Math.Log(0.5), null, []),
            OpenAIChatModelFactory.ChatTokenLogProbabilityDetails(" is", (float)Math.Log(0.8), null, []),
        ];
        var completion = OpenAIChatModelFactory.ChatCompletion(
            "c-1", OpenAI.Chat.ChatFinishReason.Stop, new ChatMessageContent("yes it is"), null, [], ChatMessageRole.Assistant, null,
            tokens, [], DateTimeOffset.UnixEpoch, "gpt-test", "fp", null);
        var response = new ChatResponse(new AIChatMessage(AIChatRole.Assistant, "yes it is")) { RawRepresentation = completion };

        var scored = ConfidenceScorer.Score(response, ConfidenceSource.Logprobs);

        Assert.Equal(Math.Cbrt(0.9 * 0.5 * 0.8), scored.Confidence!.Value, 5);
    }

    [Fact]
    public void Logprobs_WhenTheProviderReturnsNone_FallBackToTheReportedConfidence()
    {
        var response = Answer("yes");
        response.AdditionalProperties = new() { [SimulatedChatClient.ConfidenceKey] = 0.7 };

        Assert.Equal(0.7, ConfidenceScorer.Score(response, ConfidenceSource.Logprobs).Confidence);
        Assert.Null(ConfidenceScorer.Score(Answer("yes"), ConfidenceSource.Logprobs).Confidence);
    }

    [Fact]
    public void Prepare_ForLogprobs_AsksTheProviderForThem()
    {
        var options = new ChatOptions();

        ConfidenceScorer.Prepare(options, ConfidenceSource.Logprobs);

        var raw = Assert.IsType<ChatCompletionOptions>(options.RawRepresentationFactory!(null!));
        Assert.True(raw.IncludeLogProbabilities);
    }

    [Fact]
    public void Prepare_ForOtherSources_ChangesNothing()
    {
        var options = new ChatOptions();

        ConfidenceScorer.Prepare(options, ConfidenceSource.SelfReported);

        Assert.Null(options.RawRepresentationFactory);
    }
}
