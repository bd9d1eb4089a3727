using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Switchyard.Completion;

namespace Switchyard.Client;

/// <summary>
/// An <see cref="IChatClient"/> backed by Switchyard, so .NET code written against
/// Microsoft.Extensions.AI gets routing, caching and budgets without knowing about them.
/// </summary>
/// <remarks>
/// <see cref="ChatOptions.ModelId"/> pins a model (default <c>auto</c>);
/// <see cref="ChatOptions.AdditionalProperties"/> may override the tenant and task type per call
/// (see <see cref="SwitchyardChatProperties"/>). Responses carry the routing metadata in
/// <see cref="ChatResponse.AdditionalProperties"/> and the <see cref="SwitchyardCompletion"/> as
/// <see cref="ChatResponse.RawRepresentation"/>.
/// </remarks>
public sealed class SwitchyardChatClient : IChatClient
{
    /// <summary>The provider name in <see cref="ChatClientMetadata"/>.</summary>
    public const string ProviderName = "switchyard";

    private readonly ISwitchyardClient _client;
    private readonly string _tenantId;
    private readonly string _taskType;
    private readonly ChatClientMetadata _metadata = new(ProviderName, defaultModelId: CompletionRequest.AutoModel);

    /// <summary>Creates a chat client that sends calls for <paramref name="tenantId"/> and <paramref name="taskType"/>.</summary>
    public SwitchyardChatClient(ISwitchyardClient client, string tenantId, string taskType = CompletionRequest.DefaultTaskType)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        _client = client;
        _tenantId = tenantId;
        _taskType = taskType;
    }

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var properties = options?.AdditionalProperties;
        var tenant = properties?.TryGetValue(SwitchyardChatProperties.Tenant, out string? t) == true && !string.IsNullOrWhiteSpace(t) ? t : _tenantId;
        var taskType = properties?.TryGetValue(SwitchyardChatProperties.TaskType, out string? k) == true && !string.IsNullOrWhiteSpace(k) ? k : _taskType;

        var completion = await _client.CompleteAsync(tenant, taskType, ToPrompt(messages, options), ToRequestOptions(options), cancellationToken);
        return ToResponse(completion);
    }

    /// <inheritdoc />
    /// <remarks>Switchyard answers whole (an answer must be complete to be judged and cached), so this awaits the answer and replays it as updates.</remarks>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : serviceType.IsInstanceOfType(_client) ? _client
            : null;
    }

    /// <inheritdoc />
    /// <remarks>Does nothing: the <see cref="ISwitchyardClient"/> belongs to whoever created it.</remarks>
    public void Dispose()
    {
    }

    private static List<PromptMessage> ToPrompt(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var prompt = new List<PromptMessage>();
        if (!string.IsNullOrWhiteSpace(options?.Instructions))
        {
            prompt.Add(new PromptMessage(ChatRole.System.Value, options.Instructions));
        }

        prompt.AddRange(messages.Select(m => new PromptMessage(m.Role.Value, m.Text)));
        return prompt;
    }

    private static SwitchyardRequestOptions ToRequestOptions(ChatOptions? options)
    {
        if (options is null)
        {
            return SwitchyardRequestOptions.Default;
        }

        var properties = options.AdditionalProperties;
        return new SwitchyardRequestOptions
        {
            Model = string.IsNullOrWhiteSpace(options.ModelId) ? CompletionRequest.AutoModel : options.ModelId,

            // Through decimal so 0.7f becomes 0.7, not 0.699999988: the value is part of the cache key.
            Temperature = options.Temperature is { } temperature ? (double)(decimal)temperature : null,
            TopP = options.TopP is { } topP ? (double)(decimal)topP : null,
            MaxTokens = options.MaxOutputTokens,
            NoStore = properties?.TryGetValue(SwitchyardChatProperties.NoStore, out bool noStore) == true && noStore,
            User = properties?.TryGetValue(SwitchyardChatProperties.User, out string? user) == true ? user : null,
        };
    }

    private static ChatResponse ToResponse(SwitchyardCompletion completion)
    {
        var properties = new AdditionalPropertiesDictionary
        {
            [SwitchyardChatProperties.RequestId] = completion.RequestId,
            [SwitchyardChatProperties.Tier] = WireNames.Tier(completion.Tier),
            [SwitchyardChatProperties.Cache] = WireNames.Cache(completion.Cache),
            [SwitchyardChatProperties.CostUsd] = completion.CostUsd,
            [SwitchyardChatProperties.Escalations] = completion.Escalations,
            [SwitchyardChatProperties.TiersTried] = completion.TiersTried.Select(WireNames.Tier).ToArray(),
        };
        if (completion.Confidence is { } confidence)
        {
            properties[SwitchyardChatProperties.Confidence] = confidence;
        }

        return new ChatResponse(new ChatMessage(ChatRole.Assistant, completion.Content) { MessageId = completion.RequestId })
        {
            ResponseId = completion.RequestId,
            ModelId = completion.Model,
            FinishReason = string.IsNullOrEmpty(completion.FinishReason) ? null : new ChatFinishReason(completion.FinishReason),
            Usage = new UsageDetails
            {
                InputTokenCount = completion.Usage.InputTokens,
                CachedInputTokenCount = completion.Usage.CachedInputTokens,
                OutputTokenCount = completion.Usage.OutputTokens,
                TotalTokenCount = completion.Usage.TotalTokens,
            },
            AdditionalProperties = properties,
            RawRepresentation = completion,
        };
    }
}
