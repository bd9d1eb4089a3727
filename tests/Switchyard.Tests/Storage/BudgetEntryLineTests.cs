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
}
