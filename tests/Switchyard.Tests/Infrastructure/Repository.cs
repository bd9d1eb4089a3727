namespace Switchyard.Tests.Infrastructure;

public static class Repository
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds Cluster.sln.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Cluster.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Cluster.sln was not found above " + AppContext.BaseDirectory);
    }
}
