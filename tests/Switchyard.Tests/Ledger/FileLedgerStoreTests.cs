using Microsoft.Extensions.Logging.Abstractions;
using Switchyard.Silo.Ledger;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Ledger;

public sealed class FileLedgerStoreTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private readonly string _directory = TestSettings.NewDataDirectory();

    [Fact]
    public async Task ABatchWrittenTwice_CountsOnce_AndEachDayHasItsOwnReport()
    {
        var store = new FileLedgerStore(_directory, NullLogger<FileLedgerStore>.Instance);
        var batch = new[]
        {
            CallLedgerTests.Call(1, Noon, "gpt-4o", 0.0125m),
            CallLedgerTests.Call(2, Noon.AddHours(11.9), "gpt-4o", 0.0000003m),
            CallLedgerTests.Call(3, Noon.AddHours(12.1), "gpt-4o", 7m),
        };

        await store.WriteAsync(batch, CancellationToken.None);
        await store.WriteAsync(batch, CancellationToken.None);

        var today = await store.DailyAsync(new DateOnly(2026, 11, 24), null, CancellationToken.None);
        var tomorrow = await store.DailyAsync(new DateOnly(2026, 11, 25), null, CancellationToken.None);
        var empty = await store.DailyAsync(new DateOnly(2026, 1, 1), null, CancellationToken.None);

        Assert.Equal(2, Assert.Single(today.Rows).Calls);
        Assert.Equal(0.0125003m, today.TotalUsd);
        Assert.Equal(7m, tomorrow.TotalUsd);
        Assert.Empty(empty.Rows);
        Assert.Equal(0m, empty.TotalUsd);
    }

    [Fact]
    public async Task ALineCutShortByACrash_IsSkipped_AndTheRestIsRead()
    {
        var store = new FileLedgerStore(_directory, NullLogger<FileLedgerStore>.Instance);
        await store.WriteAsync([CallLedgerTests.Call(1, Noon, "m", 0.5m)], CancellationToken.None);
        var file = Directory.GetFiles(Path.Combine(_directory, "ledger", "2026-11-24")).Single();
        var line = (await File.ReadAllLinesAsync(file)).Single();
        Assert.Contains("\"tier\":\"cheap\"", line);
        Assert.Contains("\"cost_usd\":0.5", line);
        Assert.DoesNotContain("is_provider_call", line);
        await File.AppendAllTextAsync(file, "{\"id\":\"0192");

        // A later process (another file) still reads the first one, torn tail and all.
        await new FileLedgerStore(_directory, NullLogger<FileLedgerStore>.Instance).WriteAsync([CallLedgerTests.Call(2, Noon, "m", 0.25m)], CancellationToken.None);
        var report = await store.DailyAsync(new DateOnly(2026, 11, 24), null, CancellationToken.None);

        Assert.Equal(0.75m, report.TotalUsd);
    }

    [Fact]
    public async Task AReportForOneTenant_LeavesTheOthersOut()
    {
        var store = new FileLedgerStore(_directory, NullLogger<FileLedgerStore>.Instance);
        await store.WriteAsync(
            [CallLedgerTests.Call(1, Noon, "m", 1m), CallLedgerTests.Call(2, Noon, "m", 2m) with { TenantId = "someone-else" }],
            CancellationToken.None);

        var mine = await store.DailyAsync(new DateOnly(2026, 11, 24), "t", CancellationToken.None);
        var all = await store.DailyAsync(new DateOnly(2026, 11, 24), null, CancellationToken.None);

        Assert.Equal(1m, mine.TotalUsd);
        Assert.Equal(3m, all.TotalUsd);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
