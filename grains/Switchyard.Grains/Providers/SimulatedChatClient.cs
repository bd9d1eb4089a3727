using Microsoft.Extensions.AI;
using Switchyard.Completion;
using Switchyard.Models;

namespace Switchyard.Providers;

/// <summary>
/// A model that needs no network and no key: answers are deterministic per prompt (see
/// <see cref="SimulatedAnswer"/>), take the configured latency, report real token usage counted with
/// the o200k tokenizer, and carry a confidence in
/// <see cref="ChatResponse.AdditionalProperties"/> under <see cref="ConfidenceKey"/>.
/// </summary>
public sealed class SimulatedChatClient : InProcessChatClient
{
    /// <summary>The provider name used in the catalog.</summary>
    public const string ProviderName = "simulated";

    /// <summary>Where a response's confidence is found in its additional properties.</summary>
    public const string ConfidenceKey = "switchyard.confidence";

    private readonly string _model;
    private readonly SimulationOptions _simulation;
    private readonly TokenCounter _tokens;
    private readonly TimeProvider _time;

    /// <summary>Creates a simulated model named <paramref name="model"/>.</summary>
    public SimulatedChatClient(string model, SimulationOptions simulation, TokenCounter tokens, TimeProvider time)
        : base(new ChatClientMetadata(ProviderName, providerUri: null, defaultModelId: model))
    {
        _model = model;
        _simulation = simulation;
        _tokens = tokens;
        _time = time;
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var prompt = messages.Select(m => new PromptMessage(m.Role.Value, m.Text)).ToList();
        if (_simulation.LatencyMilliseconds > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(_simulation.LatencyMilliseconds), _time, cancellationToken);
        }

        var answer = SimulatedAnswer.For(_model, PromptText(prompt), _simulation.Accuracy);
        var (text, finish) = Truncate(answer.Text, options?.MaxOutputTokens);

        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = _model,
            FinishReason = finish,
            CreatedAt = _time.GetUtcNow(),
            Usage = new UsageDetails
            {
                InputTokenCount = _tokens.CountPrompt(prompt),
                OutputTokenCount = _tokens.Count(text),
                CachedInputTokenCount = 0,
            },
            AdditionalProperties = new() { [ConfidenceKey] = answer.Confidence },
        };
    }

    /// <summary>The text a conversation is answered from: every message as <c>role: content</c>, one per line.</summary>
    public static string PromptText(IEnumerable<PromptMessage> prompt) =>
        string.Join("\n", prompt.Select(m => $"{m.Role}: {m.Content}"));

    private (string Text, ChatFinishReason Finish) Truncate(string text, int? maxTokens)
    {
        if (maxTokens is not { } max || _tokens.Count(text) <= max)
        {
            return (text, ChatFinishReason.Stop);
        }

        var words = text.Split(' ');
        var kept = words.Length;
        while (kept > 0 && _tokens.Count(string.Join(' ', words, 0, kept)) > max)
        {
            kept--;
        }

        return (string.Join(' ', words, 0, kept), ChatFinishReason.Length);
    }
}
