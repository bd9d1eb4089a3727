using System.Collections.Concurrent;

namespace Switchyard.Silo.Storage;

/// <summary>
/// Runs blocking file writes and device flushes (fsync) on a few dedicated threads. .NET has no
/// asynchronous fsync, and a thousand tenants flushing at once on thread-pool threads would starve
/// the pool that Orleans and ASP.NET Core run on. Several flushes in parallel also let the file
/// system commit them together.
/// </summary>
internal sealed class DeviceFlushQueue : IDisposable
{
    private readonly BlockingCollection<(Action Work, TaskCompletionSource Done)> _work = [];
    private readonly Thread[] _threads;

    /// <summary>Starts <paramref name="threads"/> writer threads.</summary>
    public DeviceFlushQueue(int threads)
    {
        _threads = [.. Enumerable.Range(0, threads).Select(i => new Thread(Run) { IsBackground = true, Name = $"switchyard-fsync-{i}" })];
        foreach (var thread in _threads)
        {
            thread.Start();
        }
    }

    /// <summary>Runs <paramref name="work"/> on a writer thread.</summary>
    public Task RunAsync(Action work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add((work, done));
        return done.Task;
    }

    /// <inheritdoc />
    public void Dispose() => _work.CompleteAdding();

    private void Run()
    {
        foreach (var (work, done) in _work.GetConsumingEnumerable())
        {
            try
            {
                work();
                done.SetResult();
            }
            catch (Exception exception)
            {
                done.SetException(exception);
            }
        }
    }
}
