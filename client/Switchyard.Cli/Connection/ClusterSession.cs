using Switchyard.Client;

namespace Switchyard.Cli.Connection;

/// <summary>A connection to the cluster; disposing it disconnects.</summary>
/// <param name="client">The client to send requests through.</param>
/// <param name="close">Disconnects; null when there is nothing to close (a fake in tests).</param>
internal sealed class ClusterSession(ISwitchyardClient client, Func<ValueTask>? close = null) : IAsyncDisposable
{
    /// <summary>The client to send requests through.</summary>
    public ISwitchyardClient Client { get; } = client;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => close?.Invoke() ?? ValueTask.CompletedTask;
}
