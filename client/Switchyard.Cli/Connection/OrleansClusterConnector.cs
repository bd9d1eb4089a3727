using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchyard.Client;

namespace Switchyard.Cli.Connection;

/// <summary>Connects as an Orleans grain client, in a generic host that lives as long as the command.</summary>
internal sealed class OrleansClusterConnector : IClusterConnector
{
    // Orleans keeps retrying a refused gateway for minutes; a command-line user wants to know sooner.
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public async Task<ClusterSession> ConnectAsync(int? gatewayPort, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();

        // Standard output belongs to the command's result; the client's own logs would garble it.
        builder.Logging.ClearProviders();
        builder.AddSwitchyardClient(options =>
        {
            if (gatewayPort is { } port)
            {
                options.GatewayPort = port;
            }
        });

        var host = builder.Build();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            // Starting the host connects the Orleans client to a gateway, or fails.
            await host.StartAsync(timeout.Token);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var port = host.Services.GetRequiredService<IOptions<SwitchyardClientOptions>>().Value.GatewayPort;
            host.Dispose();
            throw new ClusterUnavailableException(port, exception is OperationCanceledException
                ? new TimeoutException($"no gateway answered within {ConnectTimeout.TotalSeconds:0} seconds")
                : exception);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new ClusterSession(host.Services.GetRequiredService<ISwitchyardClient>(), async () =>
        {
            try
            {
                await host.StopAsync(StopTimeout);
            }
            finally
            {
                host.Dispose();
            }
        });
    }
}
