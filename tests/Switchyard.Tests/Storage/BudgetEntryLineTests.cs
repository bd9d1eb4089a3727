using System.Buffers;
using System.Text;
using Switchyard.Budget;
using Switchyard.Silo.Storage;

namespace Switchyard.Tests.Storage;

public sealed class BudgetEntryLineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 23, 0, 0, TimeSpan.Zero);

    public static TheoryData<BudgetEntry> Entries => new()
    {
        new BudgetEntry(BudgetEntryKind.Hold, "req-1", 0.0000125m, Now),
        new BudgetEntry(BudgetEntryKind.Settle, "r|1\nx %41 ümlaut 😀", decimal.MaxValue, Now),
        new BudgetEntry(BudgetEntryKind.Release, new string('ß', 2_000), decimal.MinValue, DateTimeOffset.UnixEpoch),
        new BudgetEntry(BudgetEntryKind.Alert, "", -0.000000000000000000000000001m, Now),
    };

    [Theory]
    [MemberData(nameof(Entries))]
    public void AppendLine_WritesTheFormattedLineAsUtf8_AndItParsesBack(BudgetEntry entry)
    {
        var lines = new ArrayBufferWriter<byte>(1);

        BudgetEntryLine.AppendLine(lines, entry);

        var text = Encoding.UTF8.GetString(lines.WrittenSpan);
        Assert.Equal(BudgetEntryLine.Format(entry) + "\n", text);
        Assert.True(BudgetEntryLine.TryParse(text[..^1], out var parsed));
        Assert.Equal(entry, parsed);
    }

    [Fact]
    public void TryParse_ALineWhoseContentNoLongerMatchesItsChecksum_IsNotAnEntry()
    {
        var line = BudgetEntryLine.Format(new BudgetEntry(BudgetEntryKind.Settle, "req-7", 0.25m, Now));

        Assert.True(BudgetEntryLine.TryParse(line, out _));
        Assert.False(BudgetEntryLine.TryParse(line.Replace("|0.25|", "|0.26|", StringComparison.Ordinal), out _));
        Assert.False(BudgetEntryLine.TryParse(line.Replace("req-7", "req-8", StringComparison.Ordinal), out _));
        Assert.False(BudgetEntryLine.TryParse(line[..^1], out _));
    }

    [Fact]
    public void TryParse_ALineWrittenBeforeLinesHadChecksums_StillReads()
    {
        Assert.True(BudgetEntryLine.TryParse("S|1795993200000|0.25|req%7C7", out var entry));

        Assert.Equal(new BudgetEntry(BudgetEntryKind.Settle, "req|7", 0.25m, DateTimeOffset.FromUnixTimeMilliseconds(1795993200000)), entry);
    }
}
