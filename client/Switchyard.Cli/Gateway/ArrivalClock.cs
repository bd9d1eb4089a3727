using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Switchyard.Cli.Gateway;

/// <summary>
/// Waits for a request's scheduled time without taking a core from the gateway under test. On Linux the
/// scheduling thread asks for a timer slack of one microsecond (<c>prctl(PR_SET_TIMERSLACK)</c>) and
/// sleeps with <c>nanosleep</c> until about 50 µs before the time, then yields for the rest; elsewhere
/// it sleeps in whole milliseconds and yields for the last 1.25 ms. At 2,000 requests per second the
/// yield-only wait kept one of a 2-core machine's two cores busy for the load generator alone.
/// </summary>
internal static class ArrivalClock
{
    private const int SetTimerSlack = 29;
    private static readonly long YieldFor = Stopwatch.Frequency / 20_000;
    private static readonly long YieldForWithoutFineSleep = Stopwatch.Frequency / 800;

    /// <summary>Prepares the calling thread; returns whether it can sleep for less than a millisecond.</summary>
    public static bool PrepareThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return Prctl(SetTimerSlack, 1_000, 0, 0, 0) == 0;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Returns at <paramref name="due"/> (a <see cref="Stopwatch"/> timestamp) or just after it.</summary>
    public static void WaitUntil(long due, bool fineSleep)
    {
        var yieldFor = fineSleep ? YieldFor : YieldForWithoutFineSleep;
        while (true)
        {
            var left = due - Stopwatch.GetTimestamp();
            if (left <= 0)
            {
                return;
            }

            if (left <= yieldFor)
            {
                Thread.Yield();
            }
            else if (!fineSleep || left > Stopwatch.Frequency / 500)
            {
                Thread.Sleep(1);
            }
            else
            {
                var nanoseconds = (left - yieldFor) * 1_000_000_000 / Stopwatch.Frequency;
                var time = new TimeSpec { Seconds = 0, Nanoseconds = nanoseconds };
                _ = NanoSleep(ref time, IntPtr.Zero);
            }
        }
    }

    [DllImport("libc", EntryPoint = "prctl")]
    private static extern int Prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);

    [DllImport("libc", EntryPoint = "nanosleep")]
    private static extern int NanoSleep(ref TimeSpec duration, IntPtr remaining);
}
