using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Switchyard.Tenants;

/// <summary>
/// Keeps this silo's <see cref="TenantDirectory"/> current: reads the runtime tenants as soon as the
/// cluster answers, then every <see cref="Interval"/>, so a tenant created through another silo is
/// known here within that time. The silo that handles a put refreshes at once.
/// </summary>
public sealed partial class TenantDirectoryRefresher(
    TenantDirectory directory, IGrainFactory grains, TimeProvider time, ILogger<TenantDirectoryRefresher> logger) : BackgroundService
{
    /// <summary>How often the copy is refreshed.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        var refreshed = time.GetUtcNow() - Interval;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (time.GetUtcNow() - refreshed < Interval)
            {
                continue;
            }

            try
            {
                await directory.RefreshAsync(grains);
                refreshed = time.GetUtcNow();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The silo may not be serving grains yet; try again on the next tick.
                LogRefreshFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reading the runtime tenants failed; retrying")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
