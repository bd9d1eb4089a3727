using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Switchyard.Routing;
using Switchyard.Telemetry;
using Switchyard.Tenants;

namespace Switchyard.Budget;

/// <summary>
/// The single writer of one tenant's money, durable through a journal with group commit.
/// <para>
/// The grain is <see cref="ReentrantAttribute">reentrant</see> on purpose, and still the only writer:
/// Orleans keeps one activation per tenant in the cluster and runs its turns one at a time, and
/// reentrancy only lets a new turn start while an earlier one is suspended at an <c>await</c>. Every
/// method checks the caps and changes the state synchronously, with no <c>await</c> in between, so a
/// reserve's check and its hold are one indivisible step and two reserves can never both see the same
/// remaining money. Only then does the method await the durability of what it changed: while one
/// journal write is on its way to the device, later calls run, change the state and join the next
/// write. A reply (and so a cost the caller is told) is sent only after the write holding its change
/// has been flushed, so acknowledged spend survives a killed process.
/// </para>
/// </summary>
[Reentrant]
public sealed partial class TenantBudgetGrain(
    IBudgetStore store,
    TenantDirectory tenants,
    IOptions<BudgetOptions> options,
    TimeProvider time,
    IBudgetAlertSink alerts,
    ILogger<TenantBudgetGrain> logger) : Grain, ITenantBudgetGrain
{
    private IBudgetJournal _journal = null!;
    private BudgetBook _book = null!;
    private GroupCommit _commit = null!;

    private BudgetLimits Limits => tenants.LimitsOf(this.GetPrimaryKeyString());

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _journal = await store.OpenAsync(this.GetPrimaryKeyString(), cancellationToken);
        var state = _journal.Snapshot ?? new BudgetState();
        var replay = new BudgetBook(state, options.Value);
        foreach (var entry in _journal.Entries)
        {
            replay.Apply(entry);
        }

        _commit = new GroupCommit(_journal, state, options.Value.SnapshotEvery, OnWriteFailed);
        _book = new BudgetBook(state, options.Value, _commit.Record);
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await _commit.WhenDurable();
        }
        finally
        {
            await _journal.DisposeAsync();
        }
    }

    async Task<ReservationResult> ITenantBudgetGrain.Reserve(string requestId, decimal estimateUsd, ModelTier tier)
    {
        var now = time.GetUtcNow();
        _book.Advance(now);
        var result = _book.Reserve(requestId, estimateUsd, tier, Limits, now);
        await _commit.WhenDurable();
        return result;
    }

    async Task<SettlementResult> ITenantBudgetGrain.Settle(string requestId, decimal actualUsd)
    {
        var now = time.GetUtcNow();
        _book.Advance(now);
        var result = _book.Settle(requestId, actualUsd, now);
        var limits = Limits;
        var fired = result.WasDuplicate ? [] : _book.CheckAlerts(limits, now);
        await _commit.WhenDurable();
        SwitchyardTelemetry.RecordBudgetUtilization(result.SpentUsd, limits.MonthlyCapUsd);
        foreach (var alert in fired)
        {
            Raise(new BudgetAlert(this.GetPrimaryKeyString(), alert, _book.State.Period, result.SpentUsd, limits.MonthlyCapUsd, now));
        }

        return result;
    }

    async Task ITenantBudgetGrain.Release(string requestId)
    {
        _book.Release(requestId, time.GetUtcNow());
        await _commit.WhenDurable();
    }

    [ReadOnly]
    Task<BudgetSnapshot> ITenantBudgetGrain.GetSnapshot()
    {
        var now = time.GetUtcNow();
        _book.Advance(now);
        var state = _book.State;
        var limits = Limits;
        return Task.FromResult(new BudgetSnapshot(
            this.GetPrimaryKeyString(),
            state.Period,
            limits.MonthlyCapUsd,
            state.SpentUsd,
            _book.HeldUsd,
            state.SettledInPeriod,
            state.Day,
            state.DaySpentUsd,
            limits.DailyCapUsd,
            limits.Hard,
            [.. state.AlertsFired.Order(StringComparer.Ordinal)]));
    }

    private void Raise(BudgetAlert alert)
    {
        // Raised only once the alert is durable, so a restart never raises it a second time.
        LogAlert(logger, alert.TenantId, alert.Alert, alert.SpentUsd, alert.CapUsd);
        SwitchyardTelemetry.RecordBudgetAlert(alert.Alert);
        if (tenants.AlertWebhookOf(alert.TenantId) is { } webhook)
        {
            // Off the grain: a slow webhook must not hold up the tenant's money.
            _ = Task.Run(() => alerts.SendAsync(webhook, alert));
        }
    }

    private void OnWriteFailed(Exception exception)
    {
        // The in-memory state now holds changes that never reached the journal; drop the activation so
        // the next call reloads exactly what is durable. The callers of the failed write got the error.
        LogWriteFailed(logger, this.GetPrimaryKeyString(), exception);
        DeactivateOnIdle();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Budget alert for tenant {TenantId}: {Alert} (spent {SpentUsd} USD of {CapUsd} USD)")]
    private static partial void LogAlert(ILogger logger, string tenantId, string alert, decimal spentUsd, decimal capUsd);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing the budget journal of tenant {TenantId} failed; reloading it")]
    private static partial void LogWriteFailed(ILogger logger, string tenantId, Exception exception);
}
