namespace Switchyard.Budget;

/// <summary>
/// Group commit of a budget's journal entries: callers record entries as they change the state and
/// then await <see cref="WhenDurable"/>; one write at a time goes to the journal, carrying every entry
/// recorded while the previous write was running. A busy tenant therefore pays one device flush per
/// batch, not per call. Every member must be called from one logical thread at a time (the grain's
/// turns); the writes themselves run off it.
/// </summary>
public sealed class GroupCommit(IBudgetJournal journal, BudgetState state, int snapshotEvery, Action<Exception> onFailure)
{
    private List<BudgetEntry> _pending = [];
    private TaskCompletionSource _open = NewBatch();
    private Task _inFlight = Task.CompletedTask;
    private bool _flushing;

    /// <summary>Adds a change to the next batch.</summary>
    public void Record(BudgetEntry entry) => _pending.Add(entry);

    /// <summary>
    /// Completes when every entry recorded so far is durable. With nothing pending, it still waits for
    /// the write in flight, so a caller never reports a change that another caller made but that is
    /// not yet on disk.
    /// </summary>
    public Task WhenDurable()
    {
        if (_pending.Count == 0)
        {
            return _inFlight;
        }

        var batch = _open.Task;
        if (!_flushing)
        {
            _flushing = true;
            _ = FlushAsync();
        }

        return batch;
    }

    private async Task FlushAsync()
    {
        while (_pending.Count > 0)
        {
            var entries = _pending;
            var done = _open;
            _pending = [];
            _open = NewBatch();
            _inFlight = done.Task;
            try
            {
                // The state now holds exactly what is durable plus this batch, so once the journal has
                // grown past the state's own size it is cheaper to write the state than to keep replaying.
                if (journal.Length + entries.Count >= Math.Max(snapshotEvery, state.Settled.Count + state.Holds.Count))
                {
                    await journal.WriteSnapshotAsync(state);
                }
                else
                {
                    await journal.AppendAsync(entries);
                }

                done.SetResult();
            }
            catch (Exception exception)
            {
                done.SetException(exception);
                onFailure(exception);
            }
        }

        _flushing = false;
    }

    private static TaskCompletionSource NewBatch() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
