using Switchyard.Budget;

namespace Switchyard.Tests.Budget;

public sealed class BudgetBookTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly BudgetOptions _options = new() { HoldTimeout = TimeSpan.FromMinutes(10), IdempotencyWindow = TimeSpan.FromHours(24) };

    private BudgetBook NewBook(out BudgetState state)
    {
        state = new BudgetState();
        var book = new BudgetBook(state, _options);
        book.Advance(Now);
        return book;
    }

    [Fact]
    public void Reserve_WhenCapWouldBeExceeded_RefusesAndHoldsNothing()
    {
        var book = NewBook(out var state);
        state.SpentUsd = 0.9m;

        var result = book.Reserve("r1", 0.2m, capUsd: 1m, Now);

        Assert.Equal(ReservationStatus.Refused, result.Status);
        Assert.Empty(state.Holds);
        Assert.Contains("1 USD", result.Reason);
    }

    [Fact]
    public void Reserve_AgainWithALargerTotal_HoldsOnlyTheIncrement()
    {
        var book = NewBook(out _);

        book.Reserve("r1", 0.3m, 1m, Now);
        var escalated = book.Reserve("r1", 0.8m, 1m, Now);
        var tooMuch = book.Reserve("r1", 1.1m, 1m, Now);

        Assert.True(escalated.IsGranted);
        Assert.Equal(0.8m, book.HeldUsd);
        Assert.Equal(ReservationStatus.Refused, tooMuch.Status);
        Assert.Equal(0.8m, book.HeldUsd);
    }

    [Fact]
    public void Settle_Twice_ChargesOnceAndReportsTheDuplicate()
    {
        var book = NewBook(out var state);
        book.Reserve("r1", 0.5m, 1m, Now);

        var first = book.Settle("r1", 0.1234567m, Now);
        var second = book.Settle("r1", 0.1234567m, Now);

        Assert.False(first.WasDuplicate);
        Assert.True(second.WasDuplicate);
        Assert.Equal(0.1234567m, state.SpentUsd);
        Assert.Equal(0m, book.HeldUsd);
    }

    [Fact]
    public void Reserve_AfterSettle_IsReportedAsAlreadySettled()
    {
        var book = NewBook(out _);
        book.Settle("r1", 0.1m, Now);

        Assert.Equal(ReservationStatus.AlreadySettled, book.Reserve("r1", 0.1m, 1m, Now).Status);
    }

    [Fact]
    public void Advance_PastTheHoldTimeout_ReleasesTheHold()
    {
        var book = NewBook(out _);
        book.Reserve("r1", 0.5m, 1m, Now);

        var changed = book.Advance(Now + TimeSpan.FromMinutes(11));

        Assert.True(changed);
        Assert.Equal(0m, book.HeldUsd);
    }

    [Fact]
    public void Advance_IntoANewMonth_StartsSpendAtZeroButStillRemembersRecentSettles()
    {
        var book = NewBook(out var state);
        var endOfMonth = new DateTimeOffset(2026, 11, 30, 23, 59, 0, TimeSpan.Zero);
        book.Advance(endOfMonth);
        book.Settle("r1", 0.4m, endOfMonth);

        book.Advance(endOfMonth.AddMinutes(2));

        Assert.Equal("2026-12", state.Period);
        Assert.Equal(0m, state.SpentUsd);
        Assert.True(book.Settle("r1", 0.4m, endOfMonth.AddMinutes(2)).WasDuplicate);
        Assert.Equal(0m, state.SpentUsd);
    }

    [Fact]
    public void Settle_ManySmallAmounts_AddsUpExactly()
    {
        var book = NewBook(out var state);

        for (var i = 0; i < 10_000; i++)
        {
            book.Settle($"r{i}", 0.0000001m, Now);
        }

        Assert.Equal(0.001m, state.SpentUsd);
    }

    [Fact]
    public void Reserve_NegativeAmount_Throws()
    {
        var book = NewBook(out _);

        Assert.Throws<ArgumentOutOfRangeException>(() => book.Reserve("r1", -1m, 1m, Now));
    }
}
