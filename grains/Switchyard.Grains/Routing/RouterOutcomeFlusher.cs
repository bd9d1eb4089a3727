using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Switchyard.Routing;

/// <summary>
/// Flushes the silo's <see cref="RouterOutcomeAggregator"/> every
/// <see cref="RoutingOptions.OutcomeFlushInterval"/>, and once more when the silo stops.
/// </summary>
public sealed partial class RouterOutcomeFlusher(
    RouterOutcomeAggregator aggregator,
    IGrainFactory grains,
    IOptions<RoutingOptions> options,
    TimeProvider time,
    ILogger<RouterOutcomeFlusher> logger) : BackgroundService
{
    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.OutcomeFlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync flushes what is left.
        }
    }

    private async Task FlushAsync()
    {
        try
        {
            await aggregator.FlushAsync(grains);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A batch that could not be delivered is lost: it only delays learning.
            LogFlushFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not flush routing outcomes to the router grains")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
