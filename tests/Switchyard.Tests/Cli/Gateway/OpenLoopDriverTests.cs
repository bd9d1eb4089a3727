using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Switchyard.Cli.Gateway;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Cli.Gateway;

/// <summary>
/// The open-loop driver against a real loopback server that answers nothing for its first stretch (a
/// target still starting up) and then answers at once: what each <see cref="WhenBehind"/> does then.
/// </summary>
public sealed class OpenLoopDriverTests
{
    private const double Rps = 100;
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(1.5);
    // Long enough after the stall that a busy machine's slow catch-up (a hundred answers at once, while the
    // rest of the suite runs beside it) still leaves most of the run: 2.5 s after the stall once was not.
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(6);
    private const int Total = 600;

    [Fact]
    public async Task Stop_EndsTheRunOnceASecondsWorthIsWaiting()
    {
        var run = await RunAgainstStallingServerAsync(WhenBehind.Stop);

        // Only what was sent before the backlog passed 100 requests; the rest counts as unsent.
        Assert.InRange(run.Requests, 90, 130);
        Assert.Equal(Total, run.Requests + run.Errors);
    }

    [Fact]
    public async Task Shed_SkipsWhileBehindAndGoesOnForTheWholeDuration()
    {
        var run = await RunAgainstStallingServerAsync(WhenBehind.Shed);

        // The backlog clears when the server wakes at 1.5 s; requests due after that are sent and answered.
        Assert.True(run.Requests >= 200, $"answered {run.Requests}");
        Assert.True(run.Errors > 0, "requests due while the backlog lasted are skipped");
        Assert.Equal(Total, run.Requests + run.Errors);
    }

    [Fact]
    public async Task Queue_SendsEveryRequestOnSchedule()
    {
        var run = await RunAgainstStallingServerAsync(WhenBehind.Queue);

        Assert.Equal(Total, run.Requests);
        Assert.Equal(0, run.Errors);
        Assert.True(run.P99Ms >= 1000, $"the stall shows in the tail: p99 {run.P99Ms} ms");
    }

    private static async Task<LoadRun> RunAgainstStallingServerAsync(WhenBehind whenBehind)
    {
        var awake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = LoopbackServer.Create();
        server.MapPost("/v1/chat/completions", async () =>
        {
            await awake.Task;
            return Results.Text("{}", "application/json");
        });
        await server.StartAsync();
        var address = new Uri(LoopbackServer.AddressOf(server) + "/v1/chat/completions");

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var target = new BenchTarget("test", address, [], _ => "{}"u8.ToArray(), ProcessId: null);
        using var wake = new Timer(_ => awake.TrySetResult(), null, Stall, Timeout.InfiniteTimeSpan);
        return await new OpenLoopDriver(http, target).RunAsync(Rps, Duration, whenBehind, CancellationToken.None);
    }
}
