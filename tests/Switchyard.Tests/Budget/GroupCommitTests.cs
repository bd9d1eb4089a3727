using Switchyard.Budget;

namespace Switchyard.Tests.Budget;

public sealed class GroupCommitTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly GatedJournal _journal = new();
    private readonly List<Exception> _failures = [];

    private GroupCommit NewCommit(int snapshotEvery = 1000) => new(_journal, new BudgetState(), snapshotEvery, _failures.Add);

    private static BudgetEntry Settle(string requestId) => new(BudgetEntryKind.Settle, requestId, 0.01m, Now);

    [Fact]
    public async Task WhenDurable_WhileAWriteIsInFlight_BatchesLaterEntriesIntoOneWrite()
    {
        var commit = NewCommit();
        commit.Record(Settle("a"));
        var first = commit.WhenDurable();
        var later = new List<Task>();
        foreach (var id in new[] { "b", "c", "d" })
        {
            commit.Record(Settle(id));
            later.Add(commit.WhenDurable());
        }

        Assert.Single(_journal.Appends);
        Assert.False(first.IsCompleted);

        _journal.Open();
        await first;
        Assert.All(later, t => Assert.False(t.IsCompleted));
        Assert.Equal(2, _journal.Appends.Count);
        Assert.Equal(["b", "c", "d"], _journal.Appends[1].Select(e => e.RequestId));

        _journal.Open();
        await Task.WhenAll(later);
    }

    [Fact]
    public async Task WhenDurable_WithNothingRecorded_WaitsForTheWriteInFlight()
    {
        var commit = NewCommit();
        commit.Record(Settle("a"));
        var first = commit.WhenDurable();

        var duplicate = commit.WhenDurable();

        Assert.False(duplicate.IsCompleted);
        _journal.Open();
        await Task.WhenAll(first, duplicate);
    }

    [Fact]
    public async Task WhenDurable_WhenTheWriteFails_FailsItsCallersAndReportsTheFailure()
    {
        var commit = NewCommit();
        _journal.Failure = new IOException("disk full");
        commit.Record(Settle("a"));
        var first = commit.WhenDurable();

        _journal.Open();

        await Assert.ThrowsAsync<IOException>(() => first);
        Assert.Single(_failures);
    }

    [Fact]
    public async Task WhenDurable_OnceTheJournalOutgrowsTheThreshold_WritesASnapshotInstead()
    {
        var commit = NewCommit(snapshotEvery: 3);
        commit.Record(Settle("a"));
        commit.Record(Settle("b"));
        var first = commit.WhenDurable();
        _journal.Open();
        await first;

        commit.Record(Settle("c"));
        var second = commit.WhenDurable();
        _journal.Open();
        await second;

        Assert.Single(_journal.Appends);
        Assert.Equal(1, _journal.Snapshots);
        Assert.Equal(0, _journal.Length);
    }
}
