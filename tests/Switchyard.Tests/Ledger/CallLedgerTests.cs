using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchyard.Ledger;
using Switchyard.Routing;

namespace Switchyard.Tests.Ledger;

public sealed class CallLedgerTests
{
    [Fact]
    public async Task AStoreThatFailsForAWhile_LosesNothingAndCountsNothingTwice()
    {
        // Fails the first three writes, the second one after the rows were stored (a lost acknowledgement).
        var store = new FlakyStore(failures: 3, storeBeforeFailing: 2);
        var ledger = NewLedger(store, batchSize: 10);
        await ledger.StartAsync(CancellationToken.None);

        var calls = Enumerable.Range(0, 95).Select(i => Call(i)).ToList();
        foreach (var call in calls)
        {
            ledger.Record(call);
        }

        await ledger.FlushAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await ledger.StopAsync(CancellationToken.None);

        Assert.Equal(calls.Select(c => c.Id).Order(), store.Rows.Keys.Order());
        Assert.Equal(calls.Sum(c => c.CostUsd), store.Rows.Values.Sum(c => c.CostUsd));
        Assert.True(store.Attempts > 10, "the store was asked again after refusing");
        Assert.Equal(0, ledger.Backlog);
    }

    [Fact]
    public async Task Stopping_WritesWhatIsStillQueued()
    {
        var store = new FlakyStore(failures: 0);
        var ledger = NewLedger(store, batchSize: 1000, flushInterval: TimeSpan.FromHours(1));
        await ledger.StartAsync(CancellationToken.None);
        for (var i = 0; i < 50; i++)
        {
            ledger.Record(Call(i));
        }

        Assert.Empty(store.Rows);
        await ledger.StopAsync(CancellationToken.None);

        Assert.Equal(50, store.Rows.Count);
    }

    [Fact]
    public async Task RowsRecordedAfterTheWriterStopped_AreWrittenWhenTheLedgerIsDisposed()
    {
        var store = new FlakyStore(failures: 0);
        var ledger = NewLedger(store, batchSize: 1000);
        await ledger.StartAsync(CancellationToken.None);
        await ledger.StopAsync(CancellationToken.None);

        ledger.Record(Call(1));
        ledger.Dispose();

        Assert.Single(store.Rows);
    }

    [Fact]
    public async Task AFullBuffer_DropsNewRowsWithoutBlocking()
    {
        var store = new FlakyStore(failures: int.MaxValue);
        var ledger = NewLedger(store, batchSize: 2, capacity: 4);
        for (var i = 0; i < 10; i++)
        {
            ledger.Record(Call(i));
        }

        Assert.Equal(4, ledger.Backlog);

        // A store that never comes back: stopping gives up when the host's shutdown time is up.
        using var shutdown = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await ledger.StopAsync(shutdown.Token).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(4, ledger.Backlog);
    }

    [Fact]
    public async Task TheDailyReport_ComesFromTheStoreAfterAFlush()
    {
        var store = new InMemoryLedgerStore();
        var ledger = NewLedger(store, batchSize: 1000, flushInterval: TimeSpan.FromHours(1));
        await ledger.StartAsync(CancellationToken.None);
        var day = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
        ledger.Record(Call(1, day, "m-a", 0.001m));
        ledger.Record(Call(2, day, "m-a", 0.002m));
        ledger.Record(Call(3, day, "m-b", 0.010m));
        ledger.Record(Call(4, day, "m-a", 0m) with { Status = ApiCall.Cached, Cache = "hit-exact" });
        ledger.Record(Call(5, day.AddDays(1), "m-a", 1m));
        ledger.Record(Call(6, day, "m-a", 5m) with { TenantId = "other" });

        var report = await ledger.DailyAsync(DateOnly.FromDateTime(day.UtcDateTime), "t", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await ledger.StopAsync(CancellationToken.None);

        Assert.Equal(["m-b", "m-a"], report.Rows.Select(r => r.Model));
        var a = report.Rows[1];
        Assert.Equal((2L, 1L, 0.003m), (a.Calls, a.CacheHits, a.CostUsd));
        Assert.Equal(0.013m, report.TotalUsd);
    }

    internal static ApiCall Call(int i, DateTimeOffset? at = null, string model = "m", decimal? cost = null) => new(
        Guid.NewGuid(), at ?? DateTimeOffset.UtcNow, "t", "task", "req-" + i, model, ModelTier.Cheap, 100 + i, 10, 20, cost ?? 0.000001m * (i + 1), 1.5, "miss", 0, ApiCall.Ok);

    private static CallLedger NewLedger(ILedgerStore store, int batchSize, TimeSpan? flushInterval = null, int capacity = 1000) =>
        new(store, Options.Create(new LedgerOptions
        {
            BatchSize = batchSize,
            BufferCapacity = capacity,
            FlushInterval = flushInterval ?? TimeSpan.FromMilliseconds(20),
            MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        }), TimeProvider.System, NullLogger<CallLedger>.Instance);

    private sealed class FlakyStore(int failures, int storeBeforeFailing = -1) : ILedgerStore
    {
        private int _attempts;

        public ConcurrentDictionary<Guid, ApiCall> Rows { get; } = new();

        public int Attempts => _attempts;

        public Task WriteAsync(IReadOnlyList<ApiCall> batch, CancellationToken cancellationToken)
        {
            var attempt = Interlocked.Increment(ref _attempts);
            if (attempt <= failures)
            {
                if (attempt == storeBeforeFailing)
                {
                    Store(batch);
                }

                throw new IOException("The store is away.");
            }

            Store(batch);
            return Task.CompletedTask;
        }

        public Task<DailyReport> DailyAsync(DateOnly date, string? tenantId, CancellationToken cancellationToken) =>
            Task.FromResult(DailyReport.Aggregate(date, Rows.Values));

        private void Store(IReadOnlyList<ApiCall> batch)
        {
            foreach (var call in batch)
            {
                Rows.TryAdd(call.Id, call);
            }
        }
    }
}
