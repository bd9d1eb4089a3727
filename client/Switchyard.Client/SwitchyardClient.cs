using Microsoft.Extensions.Options;
using Switchyard.Completion;

namespace Switchyard.Client;

/// <summary>
/// <see cref="ISwitchyardClient"/> over an Orleans grain client. Every request goes to the
/// <see cref="ICompletionGrain"/>, a stateless worker: Orleans runs it on whichever silo the call
/// lands on, so there is no single grain to become a hot spot and any key (0) will do.
/// </summary>
public sealed class SwitchyardClient : ISwitchyardClient
{
    private readonly Func<ICompletionGrain> _worker;
    private readonly SwitchyardClientOptions _options;

    /// <summary>Creates a client that calls the cluster through <paramref name="grains"/>.</summary>
    public SwitchyardClient(IGrainFactory grains, IOptions<SwitchyardClientOptions> options)
        : this(() => grains.GetGrain<ICompletionGrain>(0), options.Value)
    {
    }

    /// <summary>Creates a client over <paramref name="worker"/>; the seam tests use in place of a cluster.</summary>
    internal SwitchyardClient(Func<ICompletionGrain> worker, SwitchyardClientOptions options)
    {
        _worker = worker;
        _options = options;
    }

    /// <inheritdoc />
    public async Task<SwitchyardCompletion> CompleteAsync(
        string tenantId,
        string taskType,
        IEnumerable<PromptMessage> messages,
        SwitchyardRequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        if (!GrainKeys.IsValidTenantId(tenantId))
        {
            throw new ArgumentException($"'{tenantId}' is not a valid tenant id (1-128 characters, no '{GrainKeys.Separator}').", nameof(tenantId));
        }

        ArgumentNullException.ThrowIfNull(messages);
        var request = CreateRequest(tenantId, taskType, [.. messages], options ?? SwitchyardRequestOptions.Default);

        // Grain calls cannot be cancelled from here: WaitAsync stops the wait, the request still completes.
        var result = await _worker().Complete(request).WaitAsync(cancellationToken);
        if (result.Error is { } error)
        {
            throw new SwitchyardException(error.Kind, error.Message, request.RequestId, result.CostUsd);
        }

        return SwitchyardCompletion.From(result);
    }

    private CompletionRequest CreateRequest(string tenantId, string taskType, PromptMessage[] messages, SwitchyardRequestOptions options)
    {
        if (messages.Length == 0)
        {
            throw new ArgumentException("A completion needs at least one message.", nameof(messages));
        }

        return new CompletionRequest(
            Guid.CreateVersion7().ToString("N"),
            tenantId,
            string.IsNullOrWhiteSpace(taskType) ? _options.DefaultTaskType : taskType,
            string.IsNullOrWhiteSpace(options.Model) ? CompletionRequest.AutoModel : options.Model,
            [.. messages],
            options.Temperature,
            options.TopP,
            options.MaxTokens,
            Cache: options.NoStore ? CachePolicy.NoStore : CachePolicy.Default,
            User: options.User);
    }
}
