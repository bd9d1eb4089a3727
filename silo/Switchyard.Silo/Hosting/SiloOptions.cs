namespace Switchyard.Silo.Hosting;

/// <summary>How the silo runs, bound from <c>Switchyard</c>.</summary>
public sealed class SiloOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Switchyard";

    /// <summary>Where grain state is kept on local disk (storage provider <c>Local</c>). Default: <c>data</c> under the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The largest request body accepted, in bytes. Default: 1 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// How long a stopping silo waits for in-flight requests to finish and to leave the cluster. Keep it
    /// shorter than the orchestrator's grace period (Kubernetes' terminationGracePeriodSeconds). Default: 30 seconds.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether the Orleans Dashboard is served at <c>/admin/dashboard</c> for holders of the admin key.
    /// Off by default: its grain-call profiler adds work to every grain call. Default: false.
    /// </summary>
    public bool Dashboard { get; set; }

    /// <summary>Cluster settings, under <c>Switchyard:Cluster</c>.</summary>
    public ClusterSettings Cluster { get; set; } = new();

    /// <summary>Grain storage settings, under <c>Switchyard:Storage</c>.</summary>
    public StorageSettings Storage { get; set; } = new();

    /// <summary>The storage provider in effect: the configured one, else the one that follows the cluster provider.</summary>
    public string EffectiveStorageProvider => Storage.Provider
        ?? (Cluster.Provider.Equals(ClusterProviders.Redis, StringComparison.OrdinalIgnoreCase) ? StorageProviders.Redis : StorageProviders.Local);

    /// <summary>Throws with the configuration path of the first setting that is missing or wrong.</summary>
    public void Validate()
    {
        if (!ClusterProviders.All.Contains(Cluster.Provider, StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Switchyard:Cluster:Provider '{Cluster.Provider}' is not one of: {string.Join(", ", ClusterProviders.All)}.");
        }

        if (!StorageProviders.All.Contains(EffectiveStorageProvider, StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Switchyard:Storage:Provider '{Storage.Provider}' is not one of: {string.Join(", ", StorageProviders.All)}.");
        }

        var needsRedis = Cluster.Provider.Equals(ClusterProviders.Redis, StringComparison.OrdinalIgnoreCase)
            || EffectiveStorageProvider.Equals(StorageProviders.Redis, StringComparison.OrdinalIgnoreCase);
        if (needsRedis && string.IsNullOrWhiteSpace(Cluster.Redis))
        {
            throw new InvalidOperationException("Switchyard:Cluster:Redis (a Redis connection string, e.g. 127.0.0.1:6379) is required when the cluster or storage provider is Redis.");
        }
    }

    /// <summary>Cluster settings of the silo.</summary>
    public sealed class ClusterSettings
    {
        /// <summary><c>Localhost</c> (one machine, the embedded default) or <c>Redis</c> (membership in Redis). Default: <c>Localhost</c>.</summary>
        public string Provider { get; set; } = ClusterProviders.Localhost;

        /// <summary>The Redis connection string (StackExchange.Redis format). Default: none.</summary>
        public string? Redis { get; set; }

        /// <summary>The cluster's id: silos with the same one form a cluster. Default: <c>switchyard</c>.</summary>
        public string ClusterId { get; set; } = "switchyard";

        /// <summary>The service's id: stable across deployments, it scopes grain state. Default: <c>switchyard</c>.</summary>
        public string ServiceId { get; set; } = "switchyard";

        /// <summary>The port silos talk to each other on. Default: 11111.</summary>
        public int SiloPort { get; set; } = 11111;

        /// <summary>The port grain clients connect to. Default: 30000.</summary>
        public int GatewayPort { get; set; } = 30000;

        /// <summary>
        /// The address other silos reach this one at (Redis clustering outside Kubernetes). Default: 127.0.0.1.
        /// In Kubernetes the pod IP is used.
        /// </summary>
        public string AdvertisedAddress { get; set; } = "127.0.0.1";
    }

    /// <summary>Grain storage settings.</summary>
    public sealed class StorageSettings
    {
        /// <summary><c>Local</c> (files under <see cref="DataDirectory"/>) or <c>Redis</c>. Default: follows the cluster provider.</summary>
        public string? Provider { get; set; }
    }
}
