namespace Switchyard.Silo.Hosting;

/// <summary>The values of <c>Switchyard:Storage:Provider</c>.</summary>
public static class StorageProviders
{
    /// <summary>Files on the silo's disk: for one silo.</summary>
    public const string Local = "Local";

    /// <summary>Redis: for a cluster, where a grain may move between silos.</summary>
    public const string Redis = "Redis";

    /// <summary>Every value.</summary>
    public static IReadOnlyList<string> All { get; } = [Local, Redis];
}
