namespace Switchyard.Silo.Hosting;

/// <summary>The values of <c>Switchyard:Cluster:Provider</c>.</summary>
public static class ClusterProviders
{
    /// <summary>One machine: the embedded default.</summary>
    public const string Localhost = "Localhost";

    /// <summary>Cluster membership in Redis.</summary>
    public const string Redis = "Redis";

    /// <summary>Every value.</summary>
    public static IReadOnlyList<string> All { get; } = [Localhost, Redis];
}
