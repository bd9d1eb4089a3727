using System.Collections.Concurrent;

namespace Switchyard.Budget;

/// <summary>
/// Budget journals kept in this process's memory, for offline evaluation where nothing must outlive
/// the run. Never use it where spend must survive a restart.
/// </summary>
public sealed class InMemoryBudgetStore : IBudgetStore
{
    private readonly ConcurrentDictionary<string, Journal> _journals = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<IBudgetJournal> OpenAsync(string tenantId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IBudgetJournal>(_journals.GetOrAdd(tenantId, _ => new Journal()).Reopen());

    private sealed class Journal : IBudgetJournal
    {
        private readonly List<BudgetEntry> _entries = [];

        public BudgetState? Snapshot { get; private set; }

        public IReadOnlyList<BudgetEntry> Entries => _entries;

        public int Length => _entries.Count;

        public Journal Reopen() => this;

        public Task AppendAsync(IReadOnlyList<BudgetEntry> entries)
        {
            _entries.AddRange(entries);
            return Task.CompletedTask;
        }

        public Task WriteSnapshotAsync(BudgetState state)
        {
            // A snapshot must not change when the caller later changes the state: keep a copy of it.
            Snapshot = System.Text.Json.JsonSerializer.Deserialize<BudgetState>(System.Text.Json.JsonSerializer.Serialize(state));
            _entries.Clear();
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
