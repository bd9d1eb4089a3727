namespace Switchyard.Client;

/// <summary>How a process connects to the Switchyard cluster as a grain client, bound from <c>Switchyard:Client</c>.</summary>
public sealed class SwitchyardClientOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Switchyard:Client";

    /// <summary>The <see cref="Provider"/> that finds the silos on this machine.</summary>
    public const string LocalhostProvider = "Localhost";

    /// <summary>The <see cref="Provider"/> that finds the silos through the cluster's Redis membership table.</summary>
    public const string RedisProvider = "Redis";

    /// <summary>
    /// How the client finds the cluster's gateways: <c>Localhost</c> (a silo on this machine) or
    /// <c>Redis</c> (the silos' membership in Redis; set <see cref="Redis"/>). Default: <c>Localhost</c>.
    /// </summary>
    public string Provider { get; set; } = LocalhostProvider;

    /// <summary>The Redis connection string, with <see cref="Provider"/> <c>Redis</c>. Default: none.</summary>
    public string? Redis { get; set; }

    /// <summary>The silo's gateway port (the silo's <c>Switchyard:Cluster:GatewayPort</c>). Default: 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The cluster id, which must match the silo's <c>Switchyard:Cluster:ClusterId</c>. Default: <c>switchyard</c>.</summary>
    public string ClusterId { get; set; } = "switchyard";

    /// <summary>The service id, which must match the silo's <c>Switchyard:Cluster:ServiceId</c>. Default: <c>switchyard</c>.</summary>
    public string ServiceId { get; set; } = "switchyard";

    /// <summary>The task type sent when a caller names none. Default: <c>default</c>.</summary>
    public string DefaultTaskType { get; set; } = "default";
}
