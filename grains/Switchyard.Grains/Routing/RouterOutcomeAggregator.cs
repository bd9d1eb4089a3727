using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Switchyard.Routing;

/// <summary>
/// A silo's outcomes waiting for their router grains. The request path only enqueues (no grain call,
/// no allocation beyond the outcome); <see cref="RouterOutcomeFlusher"/> sends each task type's batch
/// in one message per flush interval, so a hot task type costs its router one message per interval
/// per silo instead of one per request. Bounded: past <see cref="MaxPending"/> outcomes (a router
/// unreachable for long), new ones are dropped and counted — they are a learning signal, not money.
/// </summary>
public sealed class RouterOutcomeAggregator
{
    /// <summary>The most outcomes held per silo.</summary>
    public const int MaxPending = 100_000;

    private readonly ConcurrentDictionary<string, ConcurrentQueue<RouteOutcome>> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<RouteObservation>> _labels = new(StringComparer.Ordinal);
    private int _count;
    private long _dropped;

    /// <summary>Outcomes waiting to be flushed.</summary>
    public int Pending => Volatile.Read(ref _count);

    /// <summary>Outcomes dropped because too many were waiting.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queues an outcome of <paramref name="taskType"/> for the task type's router.</summary>
    public void Add(string taskType, RouteOutcome outcome) => AddTo(GrainKeys.Router(taskType), outcome);

    /// <summary>Queues an outcome for the router grain <paramref name="routerKey"/> (a task type's or a tenant's).</summary>
    public void AddTo(string routerKey, RouteOutcome outcome)
    {
        if (Interlocked.Increment(ref _count) > MaxPending)
        {
            Interlocked.Decrement(ref _count);
            Interlocked.Increment(ref _dropped);
            return;
        }

        _pending.GetOrAdd(routerKey, _ => new ConcurrentQueue<RouteOutcome>()).Enqueue(outcome);
    }

    /// <summary>Queues a later label (an audit's verdict on a served answer) for the router grain <paramref name="routerKey"/>.</summary>
    public void AddTo(string routerKey, RouteObservation label)
    {
        if (Interlocked.Increment(ref _count) > MaxPending)
        {
            Interlocked.Decrement(ref _count);
            Interlocked.Increment(ref _dropped);
            return;
        }

        _labels.GetOrAdd(routerKey, _ => new ConcurrentQueue<RouteObservation>()).Enqueue(label);
    }

    /// <summary>Sends every waiting outcome and label to its router grain, one batch of each per task type.</summary>
    public async Task FlushAsync(IGrainFactory grains)
    {
        foreach (var (key, queue) in _pending)
        {
            var batch = ImmutableArray.CreateBuilder<RouteOutcome>();
            while (queue.TryDequeue(out var outcome))
            {
                batch.Add(outcome);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            Interlocked.Add(ref _count, -batch.Count);
            await grains.Reference<ITaskRouterGrain>(key).RecordOutcomes(batch.ToImmutable());
        }

        foreach (var (key, queue) in _labels)
        {
            var batch = ImmutableArray.CreateBuilder<RouteObservation>();
            while (queue.TryDequeue(out var label))
            {
                batch.Add(label);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            Interlocked.Add(ref _count, -batch.Count);
            await grains.Reference<ITaskRouterGrain>(key).Learn(batch.ToImmutable());
        }
    }
}
