namespace Switchyard.Cli.Connection;

/// <summary>Opens a connection to the Switchyard cluster for one command.</summary>
internal interface IClusterConnector
{
    /// <summary>Connects; <paramref name="gatewayPort"/> overrides the configured port when given.</summary>
    /// <exception cref="ClusterUnavailableException">No silo answered.</exception>
    Task<ClusterSession> ConnectAsync(int? gatewayPort, CancellationToken cancellationToken);
}
