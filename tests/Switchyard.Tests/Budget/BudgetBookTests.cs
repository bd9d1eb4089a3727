using Microsoft.Extensions.Time.Testing;
using Switchyard.Budget;
using Switchyard.Routing;

namespace Switchyard.Tests.Budget;

public sealed class BudgetBookTests
{
    private static readonly BudgetLimits OneDollar = new(MonthlyCapUsd: 1m);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private readonly BudgetOptions _options = new() { HoldTimeout = TimeSpan.FromMinutes(10), IdempotencyWindow = TimeSpan.FromHours(24) };
    private readonly List<BudgetEntry> _journal = [];

    private DateTimeOffset Now => _time.GetUtcNow();

    private BudgetBook NewBook(out BudgetState state)
    {
        state = new BudgetState();
        var book = new BudgetBook(state, _options, _journal.Add);
        book.Advance(Now);
        return book;
    }

    private ReservationResult Reserve(BudgetBook book, string requestId, decimal totalUsd, BudgetLimits? limits = null, ModelTier tier = ModelTier.Cheap)
    {
        book.Advance(Now);
        return book.Reserve(requestId, totalUsd, tier, limits ?? OneDollar, Now);
    }

    private SettlementResult Settle(BudgetBook book, string requestId, decimal actualUsd)
    {
        book.Advance(Now);
        return book.Settle(requestId, actualUsd, Now);
    }

    [Fact]
    public void Reserve_WhenCapWouldBeExceeded_RefusesAndHoldsNothing()
    {
        var book = NewBook(out var state);
        state.SpentUsd = 0.9m;

        var result = Reserve(book, "r1", 0.2m);

        Assert.Equal(ReservationStatus.Refused, result.Status);
        Assert.Empty(state.Holds);
        Assert.Contains("monthly budget of 1 USD", result.Reason);
    }

    [Fact]
    public void Reserve_AgainWithALargerTotal_HoldsOnlyTheIncrement()
    {
        var book = NewBook(out _);

        Reserve(book, "r1", 0.3m);
        var escalated = Reserve(book, "r1", 0.8m);
        var tooMuch = Reserve(book, "r1", 1.1m);

        Assert.True(escalated.IsGranted);
        Assert.Equal(0.8m, book.HeldUsd);
        Assert.Equal(ReservationStatus.Refused, tooMuch.Status);
        Assert.Equal(0.8m, book.HeldUsd);
    }

    [Fact]
    public void Settle_Twice_ChargesOnceAndReportsTheDuplicate()
    {
        var book = NewBook(out var state);
        Reserve(book, "r1", 0.5m);

        var first = Settle(book, "r1", 0.1234567m);
        var second = Settle(book, "r1", 0.1234567m);

        Assert.False(first.WasDuplicate);
        Assert.True(second.WasDuplicate);
        Assert.Equal(0.1234567m, state.SpentUsd);
        Assert.Equal(0m, book.HeldUsd);
    }

    [Fact]
    public void Reserve_AfterSettle_IsReportedAsAlreadySettled()
    {
        var book = NewBook(out _);
        Settle(book, "r1", 0.1m);

        Assert.Equal(ReservationStatus.AlreadySettled, Reserve(book, "r1", 0.1m).Status);
    }

    [Fact]
    public void Advance_PastTheHoldTimeout_ReleasesTheHold()
    {
        var book = NewBook(out _);
        Reserve(book, "r1", 0.5m);

        _time.Advance(TimeSpan.FromMinutes(11));
        var changed = book.Advance(Now);

        Assert.True(changed);
        Assert.Equal(0m, book.HeldUsd);
        Assert.True(Reserve(book, "r2", 1m).IsGranted);
    }

    [Fact]
    public void Advance_IntoANewMonth_StartsSpendAtZeroButStillRemembersRecentSettles()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 23, 59, 0, TimeSpan.Zero));
        var book = NewBook(out var state);
        Settle(book, "r1", 0.4m);

        _time.Advance(TimeSpan.FromMinutes(2));

        Assert.True(Settle(book, "r1", 0.4m).WasDuplicate);
        Assert.Equal("2026-12", state.Period);
        Assert.Equal(0m, state.SpentUsd);
        Assert.Equal(0, state.SettledInPeriod);
    }

    [Fact]
    public void Advance_PastTheIdempotencyWindow_ForgetsTheSettledId()
    {
        var book = NewBook(out var state);
        Settle(book, "r1", 0.1m);

        _time.Advance(TimeSpan.FromHours(25));
        book.Advance(Now);

        Assert.Empty(state.Settled);
    }

    [Fact]
    public void Reserve_PastTheDailyCap_RefusesUntilTheNextUtcDay()
    {
        var limits = new BudgetLimits(MonthlyCapUsd: 100m, DailyCapUsd: 1m);
        var book = NewBook(out var state);
        Settle(book, "r1", 0.9m);

        var refused = Reserve(book, "r2", 0.2m, limits);
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 0, 0, 1, TimeSpan.Zero));
        var nextDay = Reserve(book, "r2", 0.2m, limits);

        Assert.Equal(ReservationStatus.Refused, refused.Status);
        Assert.Contains("daily budget of 1 USD", refused.Reason);
        Assert.True(nextDay.IsGranted);
        Assert.Equal("2026-11-24", state.Day);
        Assert.Equal(0m, state.DaySpentUsd);
        Assert.Equal(0.9m, state.SpentUsd);
    }

    [Fact]
    public void Reserve_PastASoftCap_HoldsAndFlagsIt()
    {
        var soft = new BudgetLimits(MonthlyCapUsd: 1m, Hard: false);
        var book = NewBook(out var state);
        Settle(book, "r1", 0.9m);

        var result = Reserve(book, "r2", 0.5m, soft);
        Settle(book, "r2", 0.4m);

        Assert.True(result.IsGranted);
        Assert.True(result.OverSoftCap);
        Assert.Equal(1.3m, state.SpentUsd);
    }

    [Fact]
    public void Reserve_OverThePerRequestMaximum_RefusesEvenWithMoneyLeft()
    {
        var limits = new BudgetLimits(MonthlyCapUsd: 100m, MaxRequestUsd: 0.05m);
        var book = NewBook(out _);

        var first = Reserve(book, "r1", 0.04m, limits);
        var escalated = Reserve(book, "r1", 0.06m, limits);

        Assert.True(first.IsGranted);
        Assert.Equal(ReservationStatus.Refused, escalated.Status);
        Assert.Contains("per-request maximum of 0.05 USD", escalated.Reason);
        Assert.Equal(0.04m, book.HeldUsd);
    }

    [Fact]
    public void Reserve_FrontierBelowTheDowngradeAmount_IsDowngradedButLowerTiersGoAhead()
    {
        var limits = new BudgetLimits(MonthlyCapUsd: 1m, DowngradeBelowUsd: 0.5m);
        var book = NewBook(out var state);
        Settle(book, "r1", 0.6m);

        var frontier = Reserve(book, "r2", 0.01m, limits, ModelTier.Frontier);
        var mid = Reserve(book, "r2", 0.01m, limits, ModelTier.Mid);

        Assert.Equal(ReservationStatus.Downgraded, frontier.Status);
        Assert.Contains("frontier tier is not allowed", frontier.Reason);
        Assert.True(mid.IsGranted);
        Assert.Single(state.Holds);
    }

    [Fact]
    public void Reserve_FrontierAboveTheDowngradeAmount_IsGranted()
    {
        var limits = new BudgetLimits(MonthlyCapUsd: 1m, DowngradeBelowUsd: 0.5m);
        var book = NewBook(out _);

        Assert.True(Reserve(book, "r1", 0.1m, limits, ModelTier.Frontier).IsGranted);
    }

    [Fact]
    public void Apply_TheJournalOverAnEmptyState_RebuildsTheState()
    {
        var book = NewBook(out var state);
        Reserve(book, "r1", 0.5m);
        Reserve(book, "r2", 0.2m);
        Settle(book, "r1", 0.3m);
        book.Release("r2", Now);
        Reserve(book, "r3", 0.1m);

        var replayed = new BudgetState();
        var replay = new BudgetBook(replayed, _options);
        foreach (var entry in _journal)
        {
            replay.Apply(entry);
        }

        Assert.Equal(state.SpentUsd, replayed.SpentUsd);
        Assert.Equal(state.Holds.Keys, replayed.Holds.Keys);
        Assert.Equal(state.Settled.Keys, replayed.Settled.Keys);
        Assert.Equal(book.HeldUsd, replay.HeldUsd);
    }

    [Fact]
    public void Apply_TheJournalTwice_ChangesNothingTheSecondTime()
    {
        var book = NewBook(out var state);
        Reserve(book, "r1", 0.5m);
        Settle(book, "r1", 0.3m);
        Reserve(book, "r2", 0.2m);

        var replay = new BudgetBook(new BudgetState(), _options);
        foreach (var entry in _journal.Concat(_journal))
        {
            replay.Apply(entry);
        }

        Assert.Equal(0.3m, replay.State.SpentUsd);
        Assert.Equal(0.2m, replay.HeldUsd);
        Assert.Equal(state.SettledInPeriod, replay.State.SettledInPeriod);
    }

    [Fact]
    public void Apply_AnOlderEntryOverANewerPeriod_NeverRollsThePeriodBack()
    {
        var book = NewBook(out var state);
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 0, 1, 0, TimeSpan.Zero));
        Settle(book, "r1", 0.3m);

        book.Apply(new BudgetEntry(BudgetEntryKind.Release, "old", 0m, new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal("2026-12", state.Period);
        Assert.Equal(0.3m, state.SpentUsd);
    }

    [Fact]
    public void Settle_ManySmallAmounts_AddsUpExactly()
    {
        var book = NewBook(out var state);

        for (var i = 0; i < 10_000; i++)
        {
            Settle(book, $"r{i}", 0.0000001m);
        }

        Assert.Equal(0.001m, state.SpentUsd);
    }

    [Fact]
    public void Reserve_NegativeAmount_Throws()
    {
        var book = NewBook(out _);

        Assert.Throws<ArgumentOutOfRangeException>(() => Reserve(book, "r1", -1m));
    }

    [Fact]
    public void CheckAlerts_AsSpendCrossesThresholds_FiresEachOncePerPeriod()
    {
        var book = NewBook(out var state);
        var limits = new BudgetLimits(MonthlyCapUsd: 1000m);
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

        Settle(book, "r1", 600m);
        var first = book.CheckAlerts(limits, Now);
        Settle(book, "r2", 10m);
        var second = book.CheckAlerts(limits, Now);
        Settle(book, "r3", 200m);
        var third = book.CheckAlerts(limits, Now);
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 0, 5, 0, TimeSpan.Zero));
        book.Advance(Now);

        Assert.Equal(["spend_50pct"], first);
        Assert.Empty(second);
        Assert.Equal(["spend_80pct"], third);
        Assert.Empty(state.AlertsFired);
        Assert.Contains(_journal, e => e.Kind == BudgetEntryKind.Alert && e.RequestId == "spend_80pct");
    }

    [Fact]
    public void CheckAlerts_WhenSpendRunsMoreThanTwentyPercentOverAnEvenPace_FiresOverPace()
    {
        _time.AdjustTime(new DateTimeOffset(2026, 11, 11, 0, 0, 0, TimeSpan.Zero)); // a third of November
        var book = NewBook(out _);
        var limits = new BudgetLimits(MonthlyCapUsd: 300m);

        Settle(book, "r1", 110m); // pace: 100 by now; 110 is only 10% over
        var onPace = book.CheckAlerts(limits, Now);
        Settle(book, "r2", 15m); // 125: 25% over
        var overPace = book.CheckAlerts(limits, Now);

        Assert.Empty(onPace);
        Assert.Equal(["over_pace"], overPace);
    }

    [Fact]
    public void Apply_AnAlertEntry_KeepsItFromFiringAgain()
    {
        var book = NewBook(out _);
        var limits = new BudgetLimits(MonthlyCapUsd: 1m);
        Settle(book, "r1", 0.6m);
        book.CheckAlerts(limits, Now);

        var replay = new BudgetBook(new BudgetState(), _options);
        foreach (var entry in _journal)
        {
            replay.Apply(entry);
        }

        Assert.Empty(replay.CheckAlerts(limits, Now));
    }
}
