using Microsoft.Extensions.Options;
using Switchyard.Tenants;

namespace Switchyard.Budget;

/// <summary>
/// The single writer of one tenant's money. Not reentrant: Orleans runs one call at a time on an
/// activation, so a reserve can never interleave with another reserve between its check and its hold,
/// and no two silos ever hold the same tenant's budget at once. Every change is written to storage
/// before the call returns, so acknowledged spend survives a crash.
/// </summary>
public sealed class TenantBudgetGrain(
    [PersistentState("budget", SwitchyardStorage.Name)] IPersistentState<BudgetState> state,
    IOptionsMonitor<TenantsOptions> tenants,
    IOptions<BudgetOptions> options,
    TimeProvider time) : Grain, ITenantBudgetGrain
{
    // Orleans replaces state.State when it reads storage during activation, so wrap it per call.
    private BudgetBook Book => new(state.State, options.Value);

    private decimal Cap => tenants.CurrentValue.Tenants.TryGetValue(this.GetPrimaryKeyString(), out var tenant)
        ? tenant.MonthlyCapUsd
        : 0m;

    async Task<ReservationResult> ITenantBudgetGrain.Reserve(string requestId, decimal estimateUsd)
    {
        var now = time.GetUtcNow();
        var book = Book;
        var changed = book.Advance(now);
        var before = book.HeldUsd;
        var result = book.Reserve(requestId, estimateUsd, Cap, now);
        if (changed || book.HeldUsd != before)
        {
            await state.WriteStateAsync();
        }

        return result;
    }

    async Task<SettlementResult> ITenantBudgetGrain.Settle(string requestId, decimal actualUsd)
    {
        var now = time.GetUtcNow();
        var book = Book;
        book.Advance(now);
        var result = book.Settle(requestId, actualUsd, now);
        if (!result.WasDuplicate)
        {
            await state.WriteStateAsync();
        }

        return result;
    }

    async Task ITenantBudgetGrain.Release(string requestId)
    {
        if (Book.Release(requestId))
        {
            await state.WriteStateAsync();
        }
    }

    Task<BudgetSnapshot> ITenantBudgetGrain.GetSnapshot()
    {
        var now = time.GetUtcNow();
        var current = state.State.Period == BudgetBook.PeriodOf(now);
        var held = state.State.Holds.Values.Where(h => h.ExpiresAt > now).Sum(h => h.AmountUsd);
        return Task.FromResult(new BudgetSnapshot(
            this.GetPrimaryKeyString(),
            BudgetBook.PeriodOf(now),
            Cap,
            current ? state.State.SpentUsd : 0m,
            held,
            current ? state.State.SettledInPeriod : 0));
    }
}
