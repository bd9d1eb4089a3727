namespace Switchyard.Silo.Storage;

/// <summary>
/// Runs blocking file writes and device flushes (fsync) on a few dedicated threads. .NET has no
/// asynchronous fsync, and a thousand tenants flushing at once on thread-pool threads would starve
/// the pool that Orleans and ASP.NET Core run on. Several flushes in parallel also let the file
/// system commit them together.
/// </summary>
/// <remarks>
/// Idle writers block in <see cref="Monitor.Wait(object)"/>, which sleeps at once. A
/// <c>BlockingCollection</c> (a <c>SemaphoreSlim</c> underneath) spins before it sleeps, and with
/// every budget write waking one of many writers that spinning alone took more CPU than the requests
/// themselves on a two-core machine.
/// </remarks>
internal sealed class DeviceFlushQueue : IDisposable
{
    private readonly Queue<(Action Work, TaskCompletionSource Done)> _work = new();
    private readonly object _gate = new();
    private readonly Thread[] _threads;
    private bool _stopped;

    /// <summary>Starts <paramref name="threads"/> writer threads, named <paramref name="name"/> and a number.</summary>
    public DeviceFlushQueue(int threads, string name = "switchyard-fsync")
    {
        _threads = [.. Enumerable.Range(0, threads).Select(i => new Thread(Run) { IsBackground = true, Name = $"{name}-{i}" })];
        foreach (var thread in _threads)
        {
            thread.Start();
        }
    }

    /// <summary>Runs <paramref name="work"/> on a writer thread.</summary>
    public Task RunAsync(Action work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopped, this);
            _work.Enqueue((work, done));
            Monitor.Pulse(_gate);
        }

        return done.Task;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.PulseAll(_gate);
        }
    }

    private void Run()
    {
        while (true)
        {
            (Action Work, TaskCompletionSource Done) next;
            lock (_gate)
            {
                while (_work.Count == 0)
                {
                    if (_stopped)
                    {
                        return;
                    }

                    Monitor.Wait(_gate);
                }

                next = _work.Dequeue();
            }

            try
            {
                next.Work();
                next.Done.SetResult();
            }
            catch (Exception exception)
            {
                next.Done.SetException(exception);
            }
        }
    }
}
