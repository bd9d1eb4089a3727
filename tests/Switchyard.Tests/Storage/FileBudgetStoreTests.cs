using Switchyard.Budget;
using Switchyard.Silo.Storage;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Storage;

public sealed class FileBudgetStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly string _directory = TestSettings.NewDataDirectory();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Open_AfterAppends_ReadsTheEntriesBackExactly()
    {
        var store = new FileBudgetStore(_directory);
        await using (var journal = await store.OpenAsync("acme"))
        {
            await journal.AppendAsync([new(BudgetEntryKind.Hold, "r|1\nx", 0.0000125m, Now)]);
            await journal.AppendAsync([new(BudgetEntryKind.Settle, "r|1\nx", 0.00001m, Now), new(BudgetEntryKind.Release, "r2", 0m, Now)]);
        }

        await using var reopened = await store.OpenAsync("acme");

        Assert.Null(reopened.Snapshot);
        Assert.Equal(
            [new(BudgetEntryKind.Hold, "r|1\nx", 0.0000125m, Now), new(BudgetEntryKind.Settle, "r|1\nx", 0.00001m, Now), new BudgetEntry(BudgetEntryKind.Release, "r2", 0m, Now)],
            reopened.Entries);
    }

    [Fact]
    public async Task WithProcessDurability_AnAcknowledgedAppendIsReadableAtOnce_ByAnotherProcessesStore()
    {
        // The first store is never disposed and never flushes to the device: as if its process were killed
        // right after the append returned. What the kernel has, the next process reads.
        var store = new FileBudgetStore(_directory, BudgetDurability.Process, TimeSpan.FromHours(1));
        var journal = await store.OpenAsync("acme");
        await journal.AppendAsync([new(BudgetEntryKind.Settle, "r1", 0.25m, Now)]);
        await journal.AppendAsync([new(BudgetEntryKind.Settle, "r2", 0.5m, Now)]);

        await using var reopened = await new FileBudgetStore(_directory).OpenAsync("acme");

        Assert.Equal([0.25m, 0.5m], reopened.Entries.Select(e => e.AmountUsd));
        store.FlushToDevice();
    }

    [Fact]
    public async Task Open_WithAnIncompleteLastLine_DropsItAndAppendsAfterTheLastCompleteEntry()
    {
        var store = new FileBudgetStore(_directory);
        await using (var journal = await store.OpenAsync("acme"))
        {
            await journal.AppendAsync([new(BudgetEntryKind.Settle, "r1", 0.5m, Now)]);
        }

        var path = Directory.GetFiles(Path.Combine(_directory, "budget"), "*.journal").Single();
        await File.AppendAllTextAsync(path, "S|17000000|0.7|r");

        await using (var journal = await store.OpenAsync("acme"))
        {
            Assert.Single(journal.Entries);
            await journal.AppendAsync([new(BudgetEntryKind.Settle, "r2", 0.25m, Now)]);
        }

        await using var reopened = await store.OpenAsync("acme");
        Assert.Equal(["r1", "r2"], reopened.Entries.Select(e => e.RequestId));
    }

    [Fact]
    public async Task Open_WithADamagedLineBeforeWellFormedOnes_Refuses_AndLeavesTheFileAsItWas()
    {
        var store = new FileBudgetStore(_directory);
        await using (var journal = await store.OpenAsync("acme"))
        {
            await journal.AppendAsync([new(BudgetEntryKind.Settle, "r1", 0.5m, Now), new(BudgetEntryKind.Settle, "r2", 0.25m, Now)]);
        }

        // One flipped digit in the first settle's amount: still a parsable line, but not the one written.
        var path = Directory.GetFiles(Path.Combine(_directory, "budget"), "*.journal").Single();
        var text = await File.ReadAllTextAsync(path);
        var damaged = text.Replace("|0.5|", "|0.1|", StringComparison.Ordinal);
        Assert.NotEqual(text, damaged);
        await File.WriteAllTextAsync(path, damaged);

        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => store.OpenAsync("acme"));

        Assert.Contains("damaged at byte 0", refused.Message, StringComparison.Ordinal);
        Assert.Equal(damaged, await File.ReadAllTextAsync(path));

        // Repaired, it opens with every entry.
        await File.WriteAllTextAsync(path, text);
        await using var repaired = await store.OpenAsync("acme");
        Assert.Equal([0.5m, 0.25m], repaired.Entries.Select(e => e.AmountUsd));
    }

    [Fact]
    public async Task Open_WithADamagedLastLine_DropsOnlyThatLine()
    {
        var store = new FileBudgetStore(_directory);
        await using (var journal = await store.OpenAsync("acme"))
        {
            await journal.AppendAsync([new(BudgetEntryKind.Settle, "r1", 0.5m, Now)]);
        }

        // A whole line whose bytes never reached the device intact: zeros where the entry should be.
        var path = Directory.GetFiles(Path.Combine(_directory, "budget"), "*.journal").Single();
        await File.AppendAllTextAsync(path, new string('\0', 20) + "\n");

        await using var reopened = await store.OpenAsync("acme");

        Assert.Equal(["r1"], reopened.Entries.Select(e => e.RequestId));
    }

    [Fact]
    public async Task WriteSnapshot_ReplacesTheJournalWithTheState()
    {
        var store = new FileBudgetStore(_directory);
        await using (var journal = await store.OpenAsync("acme"))
        {
            await journal.AppendAsync([new(BudgetEntryKind.Settle, "r1", 0.5m, Now)]);
            var state = new BudgetState { Period = "2026-11", SpentUsd = 0.5m };
            state.Settled["r1"] = new SettledRequest { ChargedUsd = 0.5m, SettledAt = Now };
            await journal.WriteSnapshotAsync(state);
            await journal.AppendAsync([new(BudgetEntryKind.Settle, "r2", 0.25m, Now)]);
        }

        await using var reopened = await store.OpenAsync("acme");

        Assert.Equal(0.5m, reopened.Snapshot!.SpentUsd);
        Assert.Equal(0.5m, reopened.Snapshot.Settled["r1"].ChargedUsd);
        Assert.Equal(["r2"], reopened.Entries.Select(e => e.RequestId));
        Assert.Single(Directory.GetFiles(Path.Combine(_directory, "budget"), "*.journal"));
    }
}
