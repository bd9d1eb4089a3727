using Microsoft.Extensions.AI;
using Switchyard.Models;
using Switchyard.Providers;

namespace Switchyard.Tests.Providers;

public sealed class SimulatedChatClientTests
{
    private static SimulatedChatClient Client(double accuracy = 0.8) =>
        new("sim-test", new SimulationOptions { Accuracy = accuracy }, new TokenCounter(), TimeProvider.System);

    [Fact]
    public async Task GetResponse_IsDeterministicPerPrompt()
    {
        var first = await Client().GetResponseAsync("What is 2 + 2?");
        var second = await Client().GetResponseAsync("What is 2 + 2?");
        var other = await Client().GetResponseAsync("What is 3 + 3?");

        Assert.Equal(first.Text, second.Text);
        Assert.Equal(first.AdditionalProperties![SimulatedChatClient.ConfidenceKey], second.AdditionalProperties![SimulatedChatClient.ConfidenceKey]);
        Assert.NotEqual(first.Text, other.Text);
    }

    [Fact]
    public async Task GetResponse_ReportsRealTokenUsage()
    {
        var tokens = new TokenCounter();

        var response = await Client().GetResponseAsync("Summarize the plot of Hamlet.");

        Assert.Equal(tokens.Count(response.Text), response.Usage!.OutputTokenCount);
        Assert.Equal(tokens.CountPrompt([new("user", "Summarize the plot of Hamlet.")]), response.Usage.InputTokenCount);
    }

    [Fact]
    public async Task GetResponse_WithMaxOutputTokens_TruncatesAndSaysLength()
    {
        var response = await Client().GetResponseAsync("Tell me everything.", new ChatOptions { MaxOutputTokens = 3 });

        Assert.True(response.Usage!.OutputTokenCount <= 3);
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Answers_MatchTheConfiguredAccuracy(double accuracy)
    {
        var answers = Enumerable.Range(0, 4000).Select(i => SimulatedAnswer.For("m", $"question {i}", accuracy)).ToList();

        Assert.InRange(answers.Count(a => a.IsCorrect) / 4000.0, accuracy - 0.03, accuracy + 0.03);
    }

    [Fact]
    public void Confidence_IsHigherForCorrectAnswersOnAverage()
    {
        var answers = Enumerable.Range(0, 4000).Select(i => SimulatedAnswer.For("m", $"q{i}", 0.5)).ToList();

        var right = answers.Where(a => a.IsCorrect).Average(a => a.Confidence);
        var wrong = answers.Where(a => !a.IsCorrect).Average(a => a.Confidence);

        Assert.True(right > wrong + 0.2, $"right {right}, wrong {wrong}");
        Assert.All(answers, a => Assert.InRange(a.Confidence, 0, 1));
    }
}
