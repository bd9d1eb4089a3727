using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Switchyard.Budget;
using Switchyard.Hosting;

namespace Switchyard.Cli.Evaluation;

/// <summary>
/// A one-silo Orleans cluster inside the CLI process, with Switchyard's real grains, in-memory
/// storage and localhost clustering on free ports, so an evaluation runs the same request path as
/// production without any server.
/// </summary>
internal sealed class ReplayCluster : IAsyncDisposable
{
    private readonly IHost _host;

    private ReplayCluster(IHost host) => _host = host;

    /// <summary>The cluster's grains.</summary>
    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The silo's services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Starts a silo configured by <paramref name="settings"/>.</summary>
    public static async Task<ReplayCluster> StartAsync(IEnumerable<KeyValuePair<string, string?>> settings, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: FreePort(), gatewayPort: FreePort());
            silo.Services.AddSwitchyardGrains(builder.Configuration);
            silo.AddMemoryGrainStorage(SwitchyardStorage.Name);
            silo.Services.AddSingleton<IBudgetStore, InMemoryBudgetStore>();
            silo.Services.AddSingleton<IBudgetAlertSink, NoWebhookAlertSink>();
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new ReplayCluster(host);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
