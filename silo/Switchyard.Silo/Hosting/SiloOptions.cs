namespace Switchyard.Silo.Hosting;

/// <summary>How the silo runs, bound from <c>Switchyard</c>.</summary>
public sealed class SiloOptions
{
    /// <summary>Where grain state is kept on local disk. Default: <c>data</c> under the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The largest request body accepted, in bytes. Default: 1 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Cluster settings, under <c>Switchyard:Cluster</c>.</summary>
    public ClusterOptions Cluster { get; set; } = new();

    /// <summary>Cluster settings of the silo.</summary>
    public sealed class ClusterOptions
    {
        /// <summary>The port silos talk to each other on. Default: 11111.</summary>
        public int SiloPort { get; set; } = 11111;

        /// <summary>The port grain clients connect to. Default: 30000.</summary>
        public int GatewayPort { get; set; } = 30000;
    }
}
