using System.Diagnostics;
using Switchyard.Cli.Commands;
using Switchyard.Cli.Gateway;

namespace Switchyard.Tests.Cli.Gateway;

public sealed class ArrivalClockTests
{
    [Fact]
    public void WaitUntil_AtTwoThousandArrivalsASecond_NeverReturnsEarlyAndSleepsMostOfTheGap()
    {
        // 400 arrivals 0.5 ms apart, as the open-loop scheduler waits for them at 2,000/s.
        var early = 0;
        var fineSleep = false;
        long cpu = 0;
        TimeSpan wall = default;
        var thread = new Thread(() =>
        {
            fineSleep = ArrivalClock.PrepareThread();
            var interval = Stopwatch.Frequency / 2_000;
            var cpuBefore = ThreadCpuClock.Nanoseconds();
            var start = Stopwatch.GetTimestamp();
            for (var i = 1; i <= 400; i++)
            {
                var due = start + (i * interval);
                ArrivalClock.WaitUntil(due, fineSleep);
                early += Stopwatch.GetTimestamp() < due ? 1 : 0;
            }

            wall = Stopwatch.GetElapsedTime(start);
            cpu = ThreadCpuClock.Nanoseconds() - cpuBefore;
        });
        thread.Start();
        thread.Join();

        Assert.Equal(0, early);
        Assert.True(wall >= TimeSpan.FromMilliseconds(200), $"400 gaps of 0.5 ms took {wall.TotalMilliseconds} ms");
        if (OperatingSystem.IsLinux() && ThreadCpuClock.IsSupported)
        {
            Assert.True(fineSleep);
            // Yielding through every gap, as the scheduler used to, kept the thread on a core nearly all the time.
            Assert.True(cpu < wall.Ticks * 100 / 4, $"the waiting thread ran {cpu / 1e6:F1} ms of {wall.TotalMilliseconds:F1} ms");
        }
    }
}
