using Orleans.TestingHost;
using Switchyard.Silo.Hosting;

namespace Switchyard.Tests.Infrastructure;

/// <summary>
/// A two-silo in-process Orleans cluster with Switchyard's grains, the test catalog and file storage
/// in a temporary directory, shared by every test of <see cref="ClusterCollection"/>.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public string DataDirectory { get; } = TestSettings.NewDataDirectory();

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        foreach (var (key, value) in TestSettings.Create(DataDirectory))
        {
            builder.Properties[key] = value!;
        }

        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.AddSwitchyard(siloBuilder.Configuration);
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
