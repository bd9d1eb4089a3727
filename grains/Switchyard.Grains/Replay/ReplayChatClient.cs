using Microsoft.Extensions.AI;
using Switchyard.Completion;
using Switchyard.Models;
using Switchyard.Providers;

namespace Switchyard.Replay;

/// <summary>
/// A model that answers from recorded outputs: the prompt is looked up in the replay data and the
/// recorded answer of the deployment's model is returned, with token usage derived from the recorded
/// cost and the catalog price (so the cost Switchyard charges is the recorded one, to a token). The
/// recorded correctness is never part of the response: it is revealed only as feedback, after the
/// router has decided. A deployment named <c>modelA+modelB</c> asks both recorded models and answers
/// with the first; its confidence is their agreement (1 when the normalised answers are equal, else
/// 0) and its cost is both calls. A single model reports no confidence.
/// </summary>
public sealed class ReplayChatClient : InProcessChatClient
{
    /// <summary>The provider name used in the catalog.</summary>
    public const string ProviderName = "replay";

    private readonly string[] _models;
    private readonly ModelPrice _price;
    private readonly ReplayLibrary _library;
    private readonly TokenCounter _tokens;

    /// <summary>Creates a replayed model for deployment <paramref name="deployment"/>.</summary>
    public ReplayChatClient(string deployment, ModelPrice price, ReplayLibrary library, TokenCounter tokens)
        : base(new ChatClientMetadata(ProviderName, providerUri: null, defaultModelId: deployment))
    {
        _models = deployment.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        _price = price;
        _library = library;
        _tokens = tokens;
    }

    /// <inheritdoc />
    public override Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var prompt = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        var query = _library.Dataset.Find(prompt)
            ?? throw new InvalidOperationException("The prompt is not in the replay data.");
        var answers = _models.Select(m => query.Answers.TryGetValue(m, out var a)
            ? a
            : throw new InvalidOperationException($"The replay data has no model '{m}'.")).ToList();

        var promptTokens = _tokens.Count(prompt);
        var cost = answers.Sum(a => a.CostUsd ?? _price.CostOf(new TokenUsage(promptTokens, 0, _library.OutputTokensWithoutCost)));
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, answers[0].Text))
        {
            ModelId = Metadata.DefaultModelId,
            FinishReason = ChatFinishReason.Stop,
            Usage = UsageFor(cost, promptTokens),
        };
        if (answers.Count > 1)
        {
            var key = Routing.Learning.AnswerKey.Of(answers[0].Text);
            var agree = answers.Skip(1).All(a => Routing.Learning.AnswerKey.Of(a.Text) == key);
            response.AdditionalProperties = new() { [SimulatedChatClient.ConfidenceKey] = agree ? 1.0 : 0.0 };
        }

        return Task.FromResult(response);
    }

    /// <summary>
    /// Token usage whose price is <paramref name="cost"/>: the prompt's tokens as input, the rest of
    /// the cost as output tokens (or, when the prompt alone would cost more, fewer input tokens).
    /// </summary>
    private UsageDetails UsageFor(decimal cost, int promptTokens)
    {
        var perInput = _price.InputPerMillion / 1_000_000m;
        var perOutput = _price.OutputPerMillion / 1_000_000m;
        long input = promptTokens;
        long output;
        if (perInput * input <= cost)
        {
            output = perOutput > 0 ? (long)Math.Round((cost - (perInput * input)) / perOutput) : 0;
        }
        else
        {
            input = perInput > 0 ? (long)Math.Round(cost / perInput) : 0;
            output = 0;
        }

        return new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output };
    }
}
