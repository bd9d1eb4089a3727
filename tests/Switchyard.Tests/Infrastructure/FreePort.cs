using System.Net;
using System.Net.Sockets;

namespace Switchyard.Tests.Infrastructure;

public static class FreePort
{
    // Below Linux's ephemeral range (32768-60999 by default): the kernel never hands these out to
    // outgoing connections or to binds on port 0, so nothing else in the suite takes them by chance.
    private const int RunRangeStart = 20_000;
    private const int RunRangeEnd = 32_000;

    /// <summary>A TCP port on 127.0.0.1 that nothing listens on right now.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// The first of <paramref name="count"/> consecutive free ports on 127.0.0.1, for a program that takes
    /// "a first port, then one more per instance". Picked below the ephemeral range, so an outgoing
    /// connection made meanwhile cannot take one of them before the program binds it.
    /// </summary>
    public static int NextRun(int count)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var start = Random.Shared.Next(RunRangeStart, RunRangeEnd - count);
            if (Enumerable.Range(start, count).All(IsFree))
            {
                return start;
            }
        }

        throw new InvalidOperationException($"No {count} consecutive free ports between {RunRangeStart} and {RunRangeEnd}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
