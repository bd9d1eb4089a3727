using System.Globalization;

namespace Switchyard.Budget;

/// <summary>
/// The rules of a tenant's money, as plain logic over <see cref="BudgetState"/>: holds, settles,
/// releases, the monthly period and the idempotency window. The grain owns persistence and concurrency;
/// this class owns the arithmetic, in <see cref="decimal"/> so spend adds up exactly.
/// </summary>
public sealed class BudgetBook(BudgetState state, BudgetOptions options)
{
    /// <summary>The state this book works on.</summary>
    public BudgetState State => state;

    /// <summary>Moves to the period of <paramref name="now"/> and drops lapsed holds and old settled ids.</summary>
    /// <returns>True when the state changed.</returns>
    public bool Advance(DateTimeOffset now)
    {
        var changed = false;
        var period = PeriodOf(now);
        if (state.Period != period)
        {
            state.Period = period;
            state.SpentUsd = 0m;
            state.SettledInPeriod = 0;
            changed = true;
        }

        changed |= RemoveWhere(state.Holds, h => h.ExpiresAt <= now);
        changed |= RemoveWhere(state.Settled, s => s.SettledAt + options.IdempotencyWindow <= now);
        return changed;
    }

    /// <summary>The total of every hold.</summary>
    public decimal HeldUsd => state.Holds.Values.Sum(h => h.AmountUsd);

    /// <summary>Cap minus spend minus holds, never negative.</summary>
    public decimal Remaining(decimal capUsd) => Math.Max(0m, capUsd - state.SpentUsd - HeldUsd);

    /// <summary>Holds <paramref name="totalUsd"/> for <paramref name="requestId"/>, checking only the increment against the cap.</summary>
    public ReservationResult Reserve(string requestId, decimal totalUsd, decimal capUsd, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalUsd);
        if (state.Settled.ContainsKey(requestId))
        {
            return new ReservationResult(ReservationStatus.AlreadySettled, 0m, Remaining(capUsd), $"Request '{requestId}' is already settled.");
        }

        var held = state.Holds.TryGetValue(requestId, out var hold) ? hold.AmountUsd : 0m;
        var increment = totalUsd - held;
        if (increment <= 0m)
        {
            return new ReservationResult(ReservationStatus.Reserved, held, Remaining(capUsd), "");
        }

        var remaining = Remaining(capUsd);
        if (increment > remaining)
        {
            return new ReservationResult(
                ReservationStatus.Refused, held, remaining,
                $"The monthly budget of {capUsd} USD would be exceeded: {state.SpentUsd} USD spent, {HeldUsd} USD held for calls in flight, this call needs up to {increment} USD more.");
        }

        state.Holds[requestId] = new BudgetHold { AmountUsd = totalUsd, ExpiresAt = now + options.HoldTimeout };
        return new ReservationResult(ReservationStatus.Reserved, totalUsd, remaining - increment, "");
    }

    /// <summary>Charges <paramref name="actualUsd"/> once for <paramref name="requestId"/> and drops its hold.</summary>
    public SettlementResult Settle(string requestId, decimal actualUsd, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(actualUsd);
        if (state.Settled.TryGetValue(requestId, out var settled))
        {
            return new SettlementResult(settled.ChargedUsd, WasDuplicate: true, state.SpentUsd);
        }

        state.Holds.Remove(requestId);
        state.SpentUsd += actualUsd;
        state.SettledInPeriod++;
        state.Settled[requestId] = new SettledRequest { ChargedUsd = actualUsd, SettledAt = now };
        return new SettlementResult(actualUsd, WasDuplicate: false, state.SpentUsd);
    }

    /// <summary>Drops the hold of <paramref name="requestId"/>.</summary>
    /// <returns>True when there was one.</returns>
    public bool Release(string requestId) => state.Holds.Remove(requestId);

    /// <summary>The period (UTC calendar month) that <paramref name="time"/> falls in.</summary>
    public static string PeriodOf(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static bool RemoveWhere<T>(Dictionary<string, T> items, Func<T, bool> predicate)
    {
        var doomed = items.Where(kv => predicate(kv.Value)).Select(kv => kv.Key).ToList();
        foreach (var key in doomed)
        {
            items.Remove(key);
        }

        return doomed.Count > 0;
    }
}
