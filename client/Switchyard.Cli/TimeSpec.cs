using System.Runtime.InteropServices;

namespace Switchyard.Cli;

/// <summary>The C library's <c>struct timespec</c> on 64-bit Linux, for the clock and sleep calls the harness makes.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TimeSpec
{
    public long Seconds;
    public long Nanoseconds;
}
