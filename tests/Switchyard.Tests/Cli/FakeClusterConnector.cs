using Switchyard.Cli.Connection;
using Switchyard.Client;

namespace Switchyard.Tests.Cli;

/// <summary>Hands out a fake client, or fails as an unreachable cluster would; records the port asked for.</summary>
internal sealed class FakeClusterConnector(ISwitchyardClient client, Exception? failure = null) : IClusterConnector
{
    public List<int?> Ports { get; } = [];

    public int Disconnects { get; private set; }

    public Task<ClusterSession> ConnectAsync(int? gatewayPort, CancellationToken cancellationToken)
    {
        Ports.Add(gatewayPort);
        return failure is null
            ? Task.FromResult(new ClusterSession(client, () =>
            {
                Disconnects++;
                return ValueTask.CompletedTask;
            }))
            : Task.FromException<ClusterSession>(failure);
    }
}
