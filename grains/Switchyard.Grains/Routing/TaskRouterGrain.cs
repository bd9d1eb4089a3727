using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Switchyard.Completion;
using Switchyard.Models;
using Switchyard.Routing.Learning;

namespace Switchyard.Routing;

/// <summary>
/// Routes one task type and learns how. Plans are read far more often than outcomes are written, so
/// reads are <c>[ReadOnly]</c> and interleave; outcomes and observations only change memory (the
/// best policy is re-chosen right away, a small search), and a grain timer writes the state to
/// storage at most once per flush interval (and on deactivation). Coalescing the writes keeps a hot
/// task type cheap; at worst a crash loses the last interval's counts, never money.
/// </summary>
public sealed class TaskRouterGrain(
    [PersistentState("router", SwitchyardStorage.Name)] IPersistentState<RouterState> state,
    IOptionsMonitor<RoutingOptions> options,
    ModelCatalog catalog) : Grain, ITaskRouterGrain
{
    private bool _dirty;
    private CascadePolicy? _policy;
    private Random _random = Random.Shared;

    private string TaskType => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        if (current.ExplorationSeed is { } seed)
        {
            _random = new Random(seed ^ StableHash(TaskType));
        }

        this.RegisterGrainTimer(FlushAsync, current.StatisticsFlushInterval, current.StatisticsFlushInterval);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        FlushAsync(cancellationToken);

    Task<RoutePlan> ITaskRouterGrain.GetPlan()
    {
        var configured = Configured();
        if (configured.Pinned)
        {
            return Task.FromResult(configured.Plan);
        }

        var policy = Policy();
        var tiers = Tiers(configured.Plan.MaxTier);
        var settings = options.CurrentValue;
        var cold = tiers.Where(t => state.State.Learning[(int)t].Labelled < settings.MinimumLabels).ToList();
        var explored = cold.Count > 0
            ? PolicyChooser.Explore(policy, cold, settings.ColdExplorationRate, _random)
            : PolicyChooser.Explore(policy, tiers, settings.ExplorationRate, _random);
        return Task.FromResult(explored is not null ? ToPlan(explored, exploring: true) : BestPlan(configured.Plan, policy));
    }

    private bool HasLearned(ModelTier maxTier) =>
        Tiers(maxTier).Sum(t => state.State.Learning[(int)t].Labelled + state.State.Escalated[(int)t].Labelled) >= options.CurrentValue.MinimumLabels;

    /// <summary>The learned policy's plan; until the router has learned enough, the configured plan.</summary>
    private RoutePlan BestPlan(RoutePlan configured, CascadePolicy policy) =>
        HasLearned(configured.MaxTier) ? ToPlan(policy, exploring: false) : configured;

    Task ITaskRouterGrain.RecordOutcome(RouteOutcome outcome)
    {
        state.State.Apply(outcome);
        Learn(OutcomeObservations.Of(outcome));
        return Task.CompletedTask;
    }

    Task ITaskRouterGrain.RecordOutcomes(ImmutableArray<RouteOutcome> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            state.State.Apply(outcome);
            Learn(OutcomeObservations.Of(outcome));
        }

        return Task.CompletedTask;
    }

    Task ITaskRouterGrain.Learn(ImmutableArray<RouteObservation> observations)
    {
        Learn(observations);
        return Task.CompletedTask;
    }

    async Task<RouterSnapshot> ITaskRouterGrain.Configure(RouterSettings settings)
    {
        var current = state.State.Settings ?? new RouterSettings();
        state.State.Settings = new RouterSettings(
            settings.QualityTarget ?? current.QualityTarget,
            settings.Pinned ?? current.Pinned,
            settings.StartTier ?? current.StartTier,
            settings.MaxTier ?? current.MaxTier);
        _policy = null;
        _dirty = true;
        await FlushAsync(CancellationToken.None);
        return Snapshot();
    }

    Task<RouterSnapshot> ITaskRouterGrain.GetSnapshot() => Task.FromResult(Snapshot());

    private void Learn(IEnumerable<RouteObservation> observations)
    {
        state.State.Learn(observations);
        _policy = null;
        _dirty = true;
    }

    private RouterSnapshot Snapshot()
    {
        var configured = Configured();
        var policy = Policy();
        var estimates = Estimates(ModelTier.Frontier);
        var learning = estimates.Select(e =>
        {
            var calibrated = e.Calibrated();
            var bands = Enumerable.Range(0, ConfidenceBands.Count).Select(b => new BandStatistics(
                ConfidenceBands.LowOf(b), ConfidenceBands.LowOf(b + 1), e.Learning.Calls[b], e.Learning.Right[b], e.Learning.Wrong[b], calibrated[b]));
            var escalated = e.Escalated ?? new TierLearning();
            var escalatedCalibrated = Calibrator.Calibrate(escalated.Right, escalated.Wrong);
            var escalatedBands = Enumerable.Range(0, ConfidenceBands.Count).Select(b => new BandStatistics(
                ConfidenceBands.LowOf(b), ConfidenceBands.LowOf(b + 1), escalated.Calls[b], escalated.Right[b], escalated.Wrong[b], escalatedCalibrated[b]));
            return new TierLearningStatistics(e.Tier, e.Learning.TotalCalls + escalated.TotalCalls, e.CostUsd, e.Accuracy(), [.. bands], [.. escalatedBands]);
        });
        return new RouterSnapshot(
            configured.Pinned ? configured.Plan : BestPlan(configured.Plan, policy),
            [.. state.State.ToStatistics()],
            [.. learning],
            configured.QualityTarget,
            configured.Pinned,
            policy.ExpectedAccuracy,
            policy.ExpectedCostUsd,
            state.State.SizeInBytes);
    }

    private CascadePolicy Policy()
    {
        if (_policy is not null)
        {
            return _policy;
        }

        var configured = Configured();
        var estimates = Estimates(configured.Plan.MaxTier);
        _policy = HasLearned(configured.Plan.MaxTier)
            ? PolicyChooser.Choose(estimates, configured.QualityTarget)
            : PolicyChooser.Estimate(estimates.Where(e => e.Tier >= configured.Plan.StartTier).ToList() is { Count: > 0 } planned ? planned : estimates, configured.Plan.AcceptConfidence);
        return _policy;
    }

    private (RoutePlan Plan, bool Pinned, double QualityTarget) Configured()
    {
        var current = options.CurrentValue;
        var configured = current.TaskTypes.GetValueOrDefault(TaskType) ?? current.Default;
        var settings = state.State.Settings;
        var plan = RoutePlanner.PlanFor(TaskType, current);
        if (settings?.StartTier is { } start || settings?.MaxTier is not null)
        {
            var from = settings.StartTier ?? plan.StartTier;
            var to = settings.MaxTier ?? plan.MaxTier;
            plan = plan with { StartTier = from, MaxTier = to < from ? from : to };
        }

        return (plan, settings?.Pinned ?? configured.Pinned, Math.Clamp(settings?.QualityTarget ?? configured.QualityTarget, 0, 1));
    }

    private List<ModelTier> Tiers(ModelTier maxTier) =>
        [.. Enum.GetValues<ModelTier>().Where(t => t <= maxTier && catalog.ForTier(t) is not null)];

    private List<TierEstimate> Estimates(ModelTier maxTier)
    {
        var tiers = Tiers(maxTier);
        if (tiers.Count == 0)
        {
            tiers = [maxTier];
        }

        return [.. tiers.Select(t =>
        {
            var learning = state.State.Learning[(int)t];
            var escalated = state.State.Escalated[(int)t];
            var calls = learning.TotalCalls + escalated.TotalCalls;
            var prior = catalog.ForTier(t)?.Price.CostOf(new TokenUsage(500, 0, catalog.DefaultOutputTokenEstimate)) ?? 0m;
            return new TierEstimate(t, learning, calls > 0 ? (learning.CostUsd + escalated.CostUsd) / calls : prior, escalated)
            {
                MinimumEscalatedLabels = options.CurrentValue.MinimumLabels,
            };
        })];
    }

    private RoutePlan ToPlan(CascadePolicy policy, bool exploring) =>
        new(TaskType, policy.StartTier, policy.MaxTier, policy.Thresholds[(int)policy.StartTier], [.. policy.Thresholds], exploring, [.. policy.Sequence]);

    private static int StableHash(string value)
    {
        var hash = 17;
        foreach (var c in value)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }

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
            // Keep the state marked so the next tick tries again.
            _dirty = true;
            throw;
        }
    }
}
