namespace Switchyard.Tests.Infrastructure;

/// <summary>One real silo host shared by the HTTP tests.</summary>
public sealed class SiloHostFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = TestSettings.NewDataDirectory();

    public SiloHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await SiloHost.StartAsync(_dataDirectory);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class SiloHostCollection : ICollectionFixture<SiloHostFixture>
{
    public const string Name = "silo-host";
}
