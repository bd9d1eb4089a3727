using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Switchyard.Providers;

/// <summary>
/// A chat client whose answers are computed whole, in process (the simulated and replay providers):
/// streaming yields the finished answer as updates.
/// </summary>
public abstract class InProcessChatClient(ChatClientMetadata metadata) : IChatClient
{
    /// <summary>The provider name and model this client reports.</summary>
    protected ChatClientMetadata Metadata { get; } = metadata;

    /// <inheritdoc />
    public abstract Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default);

    /// <inheritdoc />
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
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? Metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <inheritdoc />
    public void Dispose() => GC.SuppressFinalize(this);
}
