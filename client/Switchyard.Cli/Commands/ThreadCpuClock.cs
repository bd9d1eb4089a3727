using System.Runtime.InteropServices;

namespace Switchyard.Cli.Commands;

/// <summary>
/// The CPU time the calling thread has run, on Linux (<c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>):
/// unlike the process's CPU time it leaves out the runtime's own threads (garbage collection, JIT), and
/// unlike wall time it leaves out the time the thread waited for a core.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ThreadCpuTimeId = 3;

    /// <summary>True where the clock can be read.</summary>
    public static bool IsSupported { get; } = OperatingSystem.IsLinux() && TryRead(out _);

    /// <summary>The calling thread's CPU time in nanoseconds, or 0 where unsupported.</summary>
    public static long Nanoseconds() => IsSupported && TryRead(out var value) ? value : 0;

    private static bool TryRead(out long nanoseconds)
    {
        try
        {
            if (ClockGetTime(ThreadCpuTimeId, out var time) == 0)
            {
                nanoseconds = (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
                return true;
            }
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
        }

        nanoseconds = 0;
        return false;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec value);
}
