using System.Diagnostics;
using HdrHistogram;

namespace Switchyard.Cli.Gateway;

/// <summary>
/// Sends requests at a fixed arrival rate, whether or not earlier ones have answered (open loop), over
/// a fixed number of connections. Each latency is measured from the time the request was scheduled to
/// go, not from when a connection became free, so a target that falls behind shows it in the tail
/// instead of quietly slowing the load down (no coordinated omission).
/// </summary>
internal sealed class OpenLoopDriver(HttpClient http, BenchTarget target)
{
    private static readonly long MaxMicroseconds = 60_000_000;

    /// <summary>
    /// Runs <paramref name="rps"/> requests per second for <paramref name="duration"/>;
    /// <paramref name="whenBehind"/> says what happens once more than a second's worth of requests is waiting.
    /// </summary>
    public async Task<LoadRun> RunAsync(double rps, TimeSpan duration, WhenBehind whenBehind, CancellationToken cancellationToken)
    {
        var histogram = new LongHistogram(MaxMicroseconds, 3);
        var total = Math.Max(1, (long)(rps * duration.TotalSeconds));
        var interval = Stopwatch.Frequency / rps;
        var tasks = new List<Task>((int)Math.Min(total, 1_000_000));
        long errors = 0, unsent = 0, hits = 0, inFlight = 0;
        var start = Stopwatch.GetTimestamp();

        // Set by the scheduler thread when it has sent its last request; awaited, so no pool thread waits on it.
        var scheduled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // A dedicated thread keeps the schedule; the thread pool sends, so a slow send never delays the next.
        var scheduler = new Thread(() =>
        {
            try
            {
                Schedule();
            }
            finally
            {
                scheduled.SetResult();
            }
        })
        { IsBackground = true, Name = "open-loop scheduler", Priority = ThreadPriority.AboveNormal };

        void Schedule()
        {
            var fineSleep = ArrivalClock.PrepareThread();
            for (long i = 0; i < total && !cancellationToken.IsCancellationRequested; i++)
            {
                var due = start + (long)(i * interval);
                ArrivalClock.WaitUntil(due, fineSleep);
                if (whenBehind != WhenBehind.Queue && Interlocked.Read(ref inFlight) > Math.Max(rps, 100))
                {
                    if (whenBehind == WhenBehind.Stop)
                    {
                        Interlocked.Exchange(ref unsent, total - i);
                        break;
                    }

                    Interlocked.Increment(ref unsent);
                    continue;
                }

                Interlocked.Increment(ref inFlight);
                var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                tasks.Add(sent.Task);
                var index = i;
                ThreadPool.UnsafeQueueUserWorkItem(
                    _ => _ = SendAsync(index, due, sent),
                    null);
            }
        }

        async Task SendAsync(long index, long due, TaskCompletionSource done)
        {
            var ok = false;
            var hit = false;
            try
            {
                using var request = target.CreateRequest(index);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
                ok = response.IsSuccessStatusCode;
                hit = target.IsCacheHit(response);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or OperationCanceledException or IOException)
            {
            }

            var micros = (Stopwatch.GetTimestamp() - due) * 1_000_000 / Stopwatch.Frequency;
            lock (histogram)
            {
                histogram.RecordValue(Math.Clamp(micros, 0, MaxMicroseconds));
            }

            if (!ok)
            {
                Interlocked.Increment(ref errors);
            }
            else if (hit)
            {
                Interlocked.Increment(ref hits);
            }

            Interlocked.Decrement(ref inFlight);
            done.SetResult();
        }

        scheduler.Start();
        await scheduled.Task;
        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var completed = histogram.TotalCount;
        return new LoadRun(
            rps,
            Math.Round((completed - errors) / elapsed.TotalSeconds, 1),
            completed,
            errors + unsent,
            Milliseconds(histogram.GetValueAtPercentile(50)),
            Milliseconds(histogram.GetValueAtPercentile(90)),
            Milliseconds(histogram.GetValueAtPercentile(99)),
            Milliseconds(histogram.GetValueAtPercentile(99.9)),
            Milliseconds(histogram.GetMaxValue()))
        {
            CacheHits = hits,
        };
    }

    private static double Milliseconds(long micros) => Math.Round(micros / 1000.0, 3);
}
