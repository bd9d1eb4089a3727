using Switchyard.Budget;

namespace Switchyard.Tests.Budget;

/// <summary>
/// An in-memory journal whose writes complete only when the test opens the gate. Opening runs the
/// writer's continuations inline on the test's thread, as a grain's turns run one at a time.
/// </summary>
internal sealed class GatedJournal : IBudgetJournal
{
    private TaskCompletionSource _gate = new();

    public List<IReadOnlyList<BudgetEntry>> Appends { get; } = [];

    public int Snapshots { get; private set; }

    public Exception? Failure { get; set; }

    public BudgetState? Snapshot => null;

    public IReadOnlyList<BudgetEntry> Entries => [];

    public int Length { get; private set; }

    public async Task AppendAsync(IReadOnlyList<BudgetEntry> entries)
    {
        Appends.Add([.. entries]);
        Length += entries.Count;
        await _gate.Task;
        if (Failure is not null)
        {
            throw Failure;
        }
    }

    public async Task WriteSnapshotAsync(BudgetState state)
    {
        Snapshots++;
        Length = 0;
        await _gate.Task;
    }

    /// <summary>Lets every write so far complete; later writes wait for the next call.</summary>
    public void Open()
    {
        var gate = _gate;
        _gate = new();
        gate.SetResult();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
