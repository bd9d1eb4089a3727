using Switchyard.Completion;

namespace Switchyard.Client;

/// <summary>Sends chat completions to the Switchyard cluster, which routes each to the cheapest model trusted for it.</summary>
public interface ISwitchyardClient
{
    /// <summary>Routes one completion for <paramref name="tenantId"/> and returns the answer with its routing metadata.</summary>
    /// <param name="tenantId">The tenant that pays.</param>
    /// <param name="taskType">Selects the routing policy; empty means the configured default task type.</param>
    /// <param name="messages">The conversation, oldest first; at least one message.</param>
    /// <param name="options">Model, sampling and cache choices; null for the defaults.</param>
    /// <param name="cancellationToken">
    /// Stops waiting for the answer. The cluster still finishes the request (and charges for it).
    /// </param>
    /// <exception cref="SwitchyardException">The cluster could not serve the request; see <see cref="SwitchyardException.Kind"/>.</exception>
    Task<SwitchyardCompletion> CompleteAsync(
        string tenantId,
        string taskType,
        IEnumerable<PromptMessage> messages,
        SwitchyardRequestOptions? options = null,
        CancellationToken cancellationToken = default);
}
