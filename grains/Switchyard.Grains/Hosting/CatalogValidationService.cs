using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Switchyard.Providers;

namespace Switchyard.Hosting;

/// <summary>
/// Builds the catalog and its provider clients while the host starts, so an unpriced or misconfigured
/// model fails the start instead of the first request.
/// </summary>
internal sealed class CatalogValidationService(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<ChatClientRegistry>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
