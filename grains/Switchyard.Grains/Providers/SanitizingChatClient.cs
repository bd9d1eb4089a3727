using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Switchyard.Providers;

/// <summary>
/// Sits directly on a remote provider's client and replaces its failures with a
/// <see cref="ProviderCallException"/> that carries the status and error type but not the provider's
/// message, before the telemetry layer above logs them. Cancellation passes through unchanged.
/// </summary>
internal sealed class SanitizingChatClient(IChatClient inner, string deployment) : DelegatingChatClient(inner)
{
    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception exception) when (IsProviderFailure(exception))
        {
            throw Sanitized(exception);
        }
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                ChatResponseUpdate update;
                try
                {
                    if (!await updates.MoveNextAsync())
                    {
                        yield break;
                    }

                    update = updates.Current;
                }
                catch (Exception exception) when (IsProviderFailure(exception))
                {
                    throw Sanitized(exception);
                }

                yield return update;
            }
        }
        finally
        {
            await updates.DisposeAsync();
        }
    }

    private static bool IsProviderFailure(Exception exception) => exception is not OperationCanceledException and not ProviderCallException;

    private ProviderCallException Sanitized(Exception exception) => ProviderCallException.From(deployment, exception);
}
