using Microsoft.Extensions.AI;

namespace Switchyard.Providers;

/// <summary>
/// One call to a model, streamed from the provider and gathered into a whole answer. Streaming lets a
/// call that breaks half-way be billed for what the provider actually generated, and the deadline
/// covers the whole stream, not only its first byte, so a stalled stream cannot hang a request.
/// </summary>
public static class ProviderCall
{
    /// <summary>
    /// The answer of <paramref name="client"/>. Throws <see cref="PartialResponseException"/> when the
    /// stream broke after some of the answer arrived, and <see cref="TimeoutException"/> past <paramref name="deadline"/>.
    /// </summary>
    public static async Task<ChatResponse> GetAsync(
        IChatClient client, IList<ChatMessage> messages, ChatOptions options, TimeSpan deadline, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        var updates = new List<ChatResponseUpdate>();
        try
        {
            await foreach (var update in client.GetStreamingResponseAsync(messages, options, timeout.Token))
            {
                updates.Add(update);
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var failure = exception is OperationCanceledException ? new TimeoutException($"The model did not finish within {deadline}.", exception) : exception;
            if (updates.Count > 0)
            {
                throw new PartialResponseException(updates.ToChatResponse(), failure);
            }

            if (failure is TimeoutException)
            {
                throw failure;
            }

            throw;
        }

        if (updates.Count == 0)
        {
            throw new InvalidDataException("The provider's answer had no content (an empty or unreadable stream).");
        }

        var response = updates.ToChatResponse();
        return response.FinishReason is null
            ? throw new PartialResponseException(response, new InvalidDataException("The provider's stream ended before the answer was complete."))
            : response;
    }
}
