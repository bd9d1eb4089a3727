using System.Globalization;
using Switchyard.Routing;

namespace Switchyard.Budget;

/// <summary>
/// The rules of a tenant's money, as plain logic over <see cref="BudgetState"/>: holds, settles,
/// releases, the daily and monthly periods (UTC), hard and soft caps, the per-request maximum, the
/// frontier downgrade and the idempotency window. The grain owns persistence and concurrency; this
/// class owns the arithmetic, in <see cref="decimal"/> so spend adds up exactly. Every change it makes
/// is reported to the journal callback as a <see cref="BudgetEntry"/>, and <see cref="Apply"/>
/// replays such an entry. A hot tenant calls it tens of thousands of times a second, so it keeps the
/// total held, the earliest hold expiry and the settled ids in settle order, and no call scans the state.
/// The book must be the only writer of its state's holds and settled ids.
/// </summary>
public sealed class BudgetBook
{
    private readonly BudgetState _state;
    private readonly BudgetOptions _options;
    private readonly Action<BudgetEntry>? _journal;
    private readonly Queue<(string RequestId, DateTimeOffset SettledAt)> _settleOrder;
    private decimal _held;
    private DateTimeOffset _nextExpiry;

    /// <summary>Opens the book over <paramref name="state"/>; changes are reported to <paramref name="journal"/>.</summary>
    public BudgetBook(BudgetState state, BudgetOptions options, Action<BudgetEntry>? journal = null)
    {
        _state = state;
        _options = options;
        _journal = journal;
        _settleOrder = new(state.Settled.OrderBy(s => s.Value.SettledAt).Select(s => (s.Key, s.Value.SettledAt)));
        _held = state.Holds.Values.Sum(h => h.AmountUsd);
        _nextExpiry = state.Holds.Count == 0 ? DateTimeOffset.MaxValue : state.Holds.Values.Min(h => h.ExpiresAt);
    }

    /// <summary>The state this book works on.</summary>
    public BudgetState State => _state;

    /// <summary>
    /// Moves to the month and day of <paramref name="now"/> and drops lapsed holds and old settled ids.
    /// Periods only move forward, so replaying an older entry never rolls a newer state back.
    /// </summary>
    /// <returns>True when the state changed.</returns>
    public bool Advance(DateTimeOffset now)
    {
        var changed = false;
        var period = PeriodOf(now);
        if (string.CompareOrdinal(period, _state.Period) > 0)
        {
            _state.Period = period;
            _state.SpentUsd = 0m;
            _state.SettledInPeriod = 0;
            _state.AlertsFired.Clear();
            changed = true;
        }

        var day = DayOf(now);
        if (string.CompareOrdinal(day, _state.Day) > 0)
        {
            _state.Day = day;
            _state.DaySpentUsd = 0m;
            changed = true;
        }

        if (_nextExpiry <= now)
        {
            changed |= ExpireHolds(now);
        }

        while (_settleOrder.TryPeek(out var oldest) && oldest.SettledAt + _options.IdempotencyWindow <= now)
        {
            _settleOrder.Dequeue();
            _state.Settled.Remove(oldest.RequestId);
            changed = true;
        }

        return changed;
    }

    /// <summary>The total of every hold.</summary>
    public decimal HeldUsd => _held;

    /// <summary>What may still be held under the tightest of the monthly and daily caps, never negative.</summary>
    public decimal Remaining(BudgetLimits limits) => Math.Max(0m, RawRemaining(limits, HeldUsd));

    /// <summary>
    /// Holds <paramref name="totalUsd"/> for <paramref name="requestId"/> on a model of <paramref name="tier"/>,
    /// checking only the increment over what the request already holds against the caps.
    /// </summary>
    public ReservationResult Reserve(string requestId, decimal totalUsd, ModelTier tier, BudgetLimits limits, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalUsd);
        var heldByAll = _held;
        var remaining = Math.Max(0m, RawRemaining(limits, heldByAll));
        if (_state.Settled.ContainsKey(requestId))
        {
            return new ReservationResult(ReservationStatus.AlreadySettled, 0m, remaining, $"Request '{requestId}' is already settled.");
        }

        var mine = _state.Holds.TryGetValue(requestId, out var hold) ? hold.AmountUsd : 0m;
        if (limits.MaxRequestUsd is { } max && totalUsd > max)
        {
            return new ReservationResult(
                ReservationStatus.Refused, mine, remaining,
                $"This request needs up to {totalUsd} USD, more than the per-request maximum of {max} USD.");
        }

        // The downgrade looks at what is left before this request's own hold, so that an escalation
        // to frontier is judged by the same budget as a request that starts there.
        if (tier == ModelTier.Frontier && limits.DowngradeBelowUsd is { } floor && remaining + mine < floor)
        {
            return new ReservationResult(
                ReservationStatus.Downgraded, mine, remaining,
                $"Only {remaining + mine} USD of the budget remains, below the {floor} USD under which the frontier tier is not allowed.");
        }

        var increment = totalUsd - mine;
        if (increment <= 0m)
        {
            return new ReservationResult(ReservationStatus.Reserved, mine, remaining, "", HardCap: limits.Hard);
        }

        var over = increment > remaining;
        if (over && limits.Hard)
        {
            return new ReservationResult(ReservationStatus.Refused, mine, remaining, RefusalReason(limits, heldByAll, increment));
        }

        SetHold(requestId, totalUsd, now);
        _journal?.Invoke(new BudgetEntry(BudgetEntryKind.Hold, requestId, totalUsd, now));
        return new ReservationResult(ReservationStatus.Reserved, totalUsd, Math.Max(0m, remaining - increment), "", OverSoftCap: over, HardCap: limits.Hard);
    }

    /// <summary>Charges <paramref name="actualUsd"/> once for <paramref name="requestId"/> and drops its hold.</summary>
    public SettlementResult Settle(string requestId, decimal actualUsd, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(actualUsd);
        if (_state.Settled.TryGetValue(requestId, out var settled))
        {
            return new SettlementResult(settled.ChargedUsd, WasDuplicate: true, _state.SpentUsd);
        }

        RemoveHold(requestId);
        _state.SpentUsd += actualUsd;
        _state.DaySpentUsd += actualUsd;
        _state.SettledInPeriod++;
        _state.Settled[requestId] = new SettledRequest { ChargedUsd = actualUsd, SettledAt = now };
        _settleOrder.Enqueue((requestId, now));
        _journal?.Invoke(new BudgetEntry(BudgetEntryKind.Settle, requestId, actualUsd, now));
        return new SettlementResult(actualUsd, WasDuplicate: false, _state.SpentUsd);
    }

    /// <summary>Drops the hold of <paramref name="requestId"/>.</summary>
    /// <returns>True when there was one.</returns>
    public bool Release(string requestId, DateTimeOffset now)
    {
        if (!RemoveHold(requestId))
        {
            return false;
        }

        _journal?.Invoke(new BudgetEntry(BudgetEntryKind.Release, requestId, 0m, now));
        return true;
    }

    /// <summary>
    /// The alerts that fire now and have not fired yet this period: <c>spend_&lt;n&gt;pct</c> when the spend
    /// has crossed that share of the monthly cap, and <c>over_pace</c> when it is more than
    /// <see cref="BudgetOptions.OverPaceRatio"/> times an even pace to the cap (judged after the
    /// first day of the month). Each is recorded, so it never fires twice in a period.
    /// </summary>
    public IReadOnlyList<string> CheckAlerts(BudgetLimits limits, DateTimeOffset now)
    {
        if (limits.MonthlyCapUsd <= 0m || _state.SpentUsd <= 0m)
        {
            return [];
        }

        List<string>? fired = null;
        foreach (var threshold in _options.AlertThresholds)
        {
            if (_state.SpentUsd >= limits.MonthlyCapUsd * threshold)
            {
                Fire($"spend_{decimal.Round(threshold * 100m, 0).ToString(CultureInfo.InvariantCulture)}pct", ref fired, now);
            }
        }

        var utc = now.UtcDateTime;
        var start = new DateTime(utc.Year, utc.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var elapsed = (decimal)(utc - start).TotalSeconds / (decimal)(start.AddMonths(1) - start).TotalSeconds;
        if (utc - start >= TimeSpan.FromDays(1) && _state.SpentUsd > _options.OverPaceRatio * limits.MonthlyCapUsd * elapsed)
        {
            Fire("over_pace", ref fired, now);
        }

        return fired ?? (IReadOnlyList<string>)[];
    }

    /// <summary>Replays a journal entry: the change it records, without checking any cap.</summary>
    public void Apply(BudgetEntry entry)
    {
        Advance(entry.At);
        switch (entry.Kind)
        {
            case BudgetEntryKind.Hold when !_state.Settled.ContainsKey(entry.RequestId):
                SetHold(entry.RequestId, entry.AmountUsd, entry.At);
                break;
            case BudgetEntryKind.Settle:
                Settle(entry.RequestId, entry.AmountUsd, entry.At);
                break;
            case BudgetEntryKind.Release:
                RemoveHold(entry.RequestId);
                break;
            case BudgetEntryKind.Alert:
                _state.AlertsFired.Add(entry.RequestId);
                break;
        }
    }

    /// <summary>The period (UTC calendar month) that <paramref name="time"/> falls in.</summary>
    public static string PeriodOf(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The UTC day that <paramref name="time"/> falls in.</summary>
    public static string DayOf(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private decimal RawRemaining(BudgetLimits limits, decimal heldUsd)
    {
        var monthly = limits.MonthlyCapUsd - _state.SpentUsd - heldUsd;
        return limits.DailyCapUsd is { } daily ? Math.Min(monthly, daily - _state.DaySpentUsd - heldUsd) : monthly;
    }

    private string RefusalReason(BudgetLimits limits, decimal heldUsd, decimal increment)
    {
        var dailyIsTighter = limits.DailyCapUsd is { } daily && daily - _state.DaySpentUsd < limits.MonthlyCapUsd - _state.SpentUsd;
        return dailyIsTighter
            ? $"The daily budget of {limits.DailyCapUsd} USD would be exceeded: {_state.DaySpentUsd} USD spent today, {heldUsd} USD held for calls in flight, this call needs up to {increment} USD more."
            : $"The monthly budget of {limits.MonthlyCapUsd} USD would be exceeded: {_state.SpentUsd} USD spent, {heldUsd} USD held for calls in flight, this call needs up to {increment} USD more.";
    }

    private void Fire(string alert, ref List<string>? fired, DateTimeOffset now)
    {
        if (_state.AlertsFired.Add(alert))
        {
            (fired ??= []).Add(alert);
            _journal?.Invoke(new BudgetEntry(BudgetEntryKind.Alert, alert, 0m, now));
        }
    }

    private void SetHold(string requestId, decimal amountUsd, DateTimeOffset now)
    {
        RemoveHold(requestId);
        var expiresAt = now + _options.HoldTimeout;
        _state.Holds[requestId] = new BudgetHold { AmountUsd = amountUsd, ExpiresAt = expiresAt };
        _held += amountUsd;
        if (expiresAt < _nextExpiry)
        {
            _nextExpiry = expiresAt;
        }
    }

    private bool RemoveHold(string requestId)
    {
        if (!_state.Holds.Remove(requestId, out var hold))
        {
            return false;
        }

        _held -= hold.AmountUsd;
        return true;
    }

    private bool ExpireHolds(DateTimeOffset now)
    {
        var lapsed = _state.Holds.Where(h => h.Value.ExpiresAt <= now).Select(h => h.Key).ToList();
        foreach (var requestId in lapsed)
        {
            RemoveHold(requestId);
        }

        _nextExpiry = _state.Holds.Count == 0 ? DateTimeOffset.MaxValue : _state.Holds.Values.Min(h => h.ExpiresAt);
        return lapsed.Count > 0;
    }
}
