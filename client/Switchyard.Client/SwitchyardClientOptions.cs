namespace Switchyard.Client;

/// <summary>How a process connects to the Switchyard cluster as a grain client, bound from <c>Switchyard:Client</c>.</summary>
public sealed class SwitchyardClientOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Switchyard:Client";

    /// <summary>The <see cref="Provider"/> that finds the silos on this machine.</summary>
    public const string LocalhostProvider = "Localhost";

    /// <summary>
    /// How the client finds the cluster's gateways. Default: <c>Localhost</c>, the only provider
    /// supported today; the silo runs on this machine with localhost clustering.
    /// </summary>
    public string Provider { get; set; } = LocalhostProvider;

    /// <summary>The silo's gateway port (the silo's <c>Switchyard:Cluster:GatewayPort</c>). Default: 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The cluster id, which must match the silo's. Default: <c>dev</c>, Orleans' localhost clustering default.</summary>
    public string ClusterId { get; set; } = "dev";

    /// <summary>The service id, which must match the silo's. Default: <c>dev</c>, Orleans' localhost clustering default.</summary>
    public string ServiceId { get; set; } = "dev";

    /// <summary>The task type sent when a caller names none. Default: <c>default</c>.</summary>
    public string DefaultTaskType { get; set; } = "default";
}
