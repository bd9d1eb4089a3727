namespace Switchyard.Cli.Connection;

/// <summary>No Switchyard silo answered on the gateway port.</summary>
internal sealed class ClusterUnavailableException(int gatewayPort, Exception innerException)
    : Exception($"cannot reach a Switchyard silo on localhost:{gatewayPort} ({innerException.Message.Split('\n')[0].Trim()}). Is the silo running?", innerException)
{
    /// <summary>The gateway port tried.</summary>
    public int GatewayPort { get; } = gatewayPort;
}
