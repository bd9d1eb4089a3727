using Microsoft.Extensions.Options;

namespace Switchyard.Routing;

/// <summary>
/// Routes one task type. Plans are read far more often than outcomes are written, so reads are
/// <c>[ReadOnly]</c> and interleave; outcomes arrive one-way and only change memory, and a grain timer
/// writes the counts to storage at most once per flush interval (and on deactivation). Coalescing the
/// writes keeps a hot task type cheap; at worst a crash loses the last interval's counts, never money.
/// </summary>
public sealed class TaskRouterGrain(
    [PersistentState("router", SwitchyardStorage.Name)] IPersistentState<RouterState> state,
    IOptionsMonitor<RoutingOptions> options) : Grain, ITaskRouterGrain
{
    private bool _dirty;

    private RoutePlan Plan => RoutePlanner.PlanFor(this.GetPrimaryKeyString(), options.CurrentValue);

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var interval = options.CurrentValue.StatisticsFlushInterval;
        this.RegisterGrainTimer(FlushAsync, interval, interval);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        FlushAsync(cancellationToken);

    Task<RoutePlan> ITaskRouterGrain.GetPlan() => Task.FromResult(Plan);

    Task ITaskRouterGrain.RecordOutcome(RouteOutcome outcome)
    {
        state.State.Apply(outcome);
        _dirty = true;
        return Task.CompletedTask;
    }

    Task<RouterSnapshot> ITaskRouterGrain.GetSnapshot() =>
        Task.FromResult(new RouterSnapshot(Plan, [.. state.State.ToStatistics()]));

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!_dirty)
        {
            return;
        }

        _dirty = false;
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            // Keep the counts marked so the next tick tries again.
            _dirty = true;
            throw;
        }
    }
}
