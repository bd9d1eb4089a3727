using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Switchyard.Completion;
using Switchyard.Models;
using Switchyard.Routing.Canary;
using Switchyard.Routing.Learning;

namespace Switchyard.Routing;

/// <summary>
/// Routes one task type and learns how. Plans are read far more often than outcomes are written, so
/// reads are <c>[ReadOnly]</c> and interleave; outcomes and observations only change memory (the
/// best policy is re-chosen right away, a small search), and a grain timer writes the state to
/// storage at most once per flush interval (and on deactivation). Coalescing the writes keeps a hot
/// task type cheap; at worst a crash loses the last interval's counts, never money. A canary routes
/// a share of the end users' cohorts by a candidate policy and counts both arms alongside. A task
/// type in a quality group reports its frontier to the group's grain after each change to what it has
/// learned and holds the target the group allocates in return (pull-on-report: the group never calls back).
/// </summary>
public sealed class TaskRouterGrain(
    [PersistentState("router", SwitchyardStorage.Name)] IPersistentState<RouterState> state,
    IOptionsMonitor<RoutingOptions> options,
    ModelCatalog catalog,
    TimeProvider time) : Grain, ITaskRouterGrain
{
    private bool _dirty;
    private CascadePolicy? _policy;
    private CascadePolicy? _candidatePolicy;
    private Random _random = Random.Shared;
    private RouterSnapshot? _prior;
    private QualityAllocationResult? _allocation;
    private long _unreportedRequests;

    private string TaskType => GrainKeys.ParseRouter(this.GetPrimaryKeyString()).TaskType;

    /// <summary>The tenant of a tenant's own router; null for the task type's router.</summary>
    private string? Tenant => GrainKeys.ParseRouter(this.GetPrimaryKeyString()).TenantId;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        if (current.ExplorationSeed is { } seed)
        {
            _random = new Random(seed ^ StableHash(this.GetPrimaryKeyString()));
        }

        this.RegisterGrainTimer(FlushAsync, current.StatisticsFlushInterval, current.StatisticsFlushInterval);
        if (Tenant is not null)
        {
            // A tenant's router reads the task type's statistics as its prior, and refreshes them on
            // the same schedule as it writes its own: one read per interval, never on the request path.
            await RefreshPriorAsync(cancellationToken);
            this.RegisterGrainTimer(RefreshPriorAsync, current.StatisticsFlushInterval, current.StatisticsFlushInterval);
        }
    }

    private async Task RefreshPriorAsync(CancellationToken cancellationToken)
    {
        try
        {
            _prior = await GrainFactory.GetGrain<ITaskRouterGrain>(GrainKeys.Router(TaskType)).GetSnapshot();
            _policy = null;
            _candidatePolicy = null;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The task type's router is unreachable for now: keep the prior there is (none at first,
            // so the tenant routes as configured) and try again at the next refresh.
        }
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        FlushAsync(cancellationToken);

    Task<RoutePlan> ITaskRouterGrain.GetPlan() => Task.FromResult(ControlPlan());

    Task<RoutePlan> ITaskRouterGrain.GetPlanFor(int cohort) => Task.FromResult(PlanFor(cohort));

    private RoutePlan PlanFor(int cohort)
    {
        if (state.State.Canary is not { } canary || cohort < 0)
        {
            return ControlPlan();
        }

        var candidate = CanaryCohort.IsCandidate(cohort, canary.Share);
        var plan = candidate ? CandidatePlan(canary) : ControlPlan();
        return plan with { Canary = new CanaryTag(canary.Generation, candidate) };
    }

    Task<RoutePlan> ITaskRouterGrain.GetPlanForQuery(int cohort, ImmutableArray<sbyte> signature)
    {
        var plan = PlanFor(cohort);
        if (signature.IsDefaultOrEmpty || plan.Model is not null || Configured().Pinned || Memory() is not { } memory)
        {
            return Task.FromResult(plan);
        }

        var settings = options.CurrentValue;
        if (!plan.Exploring && plan.Canary is not { Candidate: true })
        {
            // A tier the plan skips learns nothing about which queries it gets right: while too few
            // remembered requests are labelled for it, explore it at the cold rate (it is a cheaper tier,
            // so the step costs little), accepting only its most confident answers.
            var first = plan.Tiers().First();
            var starved = Tiers(Configured().Plan.MaxTier).Where(t => t < first && memory.LabelledShare(t) < settings.NeighbourLabelShare).ToList();
            if (starved.Count > 0 && PolicyChooser.Explore(Policy(), starved, settings.ColdExplorationRate, _random) is { } explored)
            {
                plan = ToPlan(explored, exploring: true) with { Canary = plan.Canary };
            }
        }

        var estimates = memory.Estimate(signature.AsSpan(), Enum.GetValues<ModelTier>().Length, settings.Neighbours);
        return Task.FromResult(plan with { NeighbourAccuracy = [.. estimates] });
    }

    /// <summary>The memory of recent requests when the router keeps one; sized (and emptied) when its capacity changes.</summary>
    private NeighbourMemory? Memory()
    {
        var capacity = options.CurrentValue.NeighbourMemory;
        if (capacity <= 0)
        {
            // Turned off: what was remembered is dropped, so it no longer counts in the state's size.
            state.State.Neighbours = null;
            return null;
        }

        if (state.State.Neighbours is not { } memory || memory.Capacity != capacity)
        {
            state.State.Neighbours = memory = new NeighbourMemory(capacity);
        }

        return memory;
    }

    /// <summary>The plan under the router's own settings, exploration steps included.</summary>
    private RoutePlan ControlPlan()
    {
        var configured = Configured();
        if (configured.Pinned)
        {
            return configured.Plan;
        }

        var policy = Policy();
        var tiers = Tiers(configured.Plan.MaxTier);
        var settings = options.CurrentValue;
        var cold = tiers.Where(t => Labelled(t, escalated: false) < settings.MinimumLabels).ToList();
        var explored = cold.Count > 0
            ? PolicyChooser.Explore(policy, cold, settings.ColdExplorationRate, _random)
            : PolicyChooser.Explore(policy, tiers, settings.ExplorationRate, _random);
        return explored is not null ? ToPlan(explored, exploring: true) : BestPlan(configured.Plan, policy);
    }

    /// <summary>
    /// The plan under the candidate laid over the router's settings. No exploration: the arm measures
    /// the candidate as it would run once promoted.
    /// </summary>
    private RoutePlan CandidatePlan(CanaryState canary)
    {
        var configured = Configured(RouterSettingsMerge.Over(state.State.Settings, canary.Candidate));
        if (configured.Pinned)
        {
            return configured.Plan;
        }

        // A candidate with a target of its own holds it; otherwise it holds what the group allocated.
        _candidatePolicy ??= ChoosePolicy(configured, canary.Candidate.QualityTarget is null ? AllocatedTarget() : null);
        return BestPlan(configured.Plan, _candidatePolicy);
    }

    private bool HasLearned(ModelTier maxTier) =>
        Tiers(maxTier).Sum(t => Labelled(t, escalated: false) + Labelled(t, escalated: true)) >= options.CurrentValue.MinimumLabels;

    /// <summary>A tier's labels, the prior's (as weighted) included: cheap enough for every plan.</summary>
    private long Labelled(ModelTier tier, bool escalated)
    {
        var own = (escalated ? state.State.Escalated : state.State.Learning)[(int)tier].Labelled;
        if (_prior?.Learning is not { IsDefault: false } priors || priors.FirstOrDefault(p => p.Tier == tier) is not { } shared)
        {
            return own;
        }

        var bands = escalated ? shared.EscalatedBands : shared.Bands;
        return own + (bands.IsDefault ? 0 : Math.Min(bands.Sum(b => b.Right + b.Wrong), options.CurrentValue.TenantPriorWeight));
    }

    /// <summary>The learned policy's plan; until the router has learned enough, the configured plan.</summary>
    private RoutePlan BestPlan(RoutePlan configured, CascadePolicy policy) =>
        HasLearned(configured.MaxTier) ? ToPlan(policy, exploring: false) : configured;

    Task ITaskRouterGrain.RecordOutcome(RouteOutcome outcome)
    {
        Record(outcome);
        return ReportToGroupAsync();
    }

    Task ITaskRouterGrain.RecordOutcomes(ImmutableArray<RouteOutcome> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            Record(outcome);
        }

        return ReportToGroupAsync();
    }

    Task ITaskRouterGrain.Learn(ImmutableArray<RouteObservation> observations)
    {
        var canary = state.State.Canary;
        foreach (var observation in observations)
        {
            if (observation.Served && canary?.ArmOf(observation.Canary) is { } arm)
            {
                arm.Right += observation.Label == OutcomeLabel.Right ? 1 : 0;
                arm.Wrong += observation.Label == OutcomeLabel.Wrong ? 1 : 0;
                _dirty = true;
            }
        }

        var learned = observations.Where(o => !IsCandidateModel(o.Canary)).ToList();
        Learn(learned);
        if (Memory() is { } memory)
        {
            foreach (var observation in learned)
            {
                if (observation.RequestId is { } requestId && observation.Label != OutcomeLabel.Unknown)
                {
                    memory.Label(requestId, observation.Tier, observation.Label);
                }
            }
        }

        return ReportToGroupAsync();
    }

    /// <summary>The quality group the task type's router takes part in; null when it holds its own target.</summary>
    private string? QualityGroup()
    {
        var current = options.CurrentValue;
        var group = (current.TaskTypes.GetValueOrDefault(TaskType) ?? current.Default).QualityGroup;
        return Tenant is null && !string.IsNullOrWhiteSpace(group) && !Configured().Pinned && state.State.Settings?.QualityTarget is null
            ? GrainKeys.QualityGroup(group)
            : null;
    }

    /// <summary>
    /// Tells the group what the router can now offer and takes its allocation. Awaited inside the
    /// learning call, so the next plan is chosen with the fresh allocation, the same way on every replay.
    /// Until the router has learned enough to choose at all, it only counts its requests.
    /// </summary>
    private async Task ReportToGroupAsync()
    {
        if (QualityGroup() is not { } group)
        {
            _allocation = null;
            return;
        }

        var maxTier = Configured().Plan.MaxTier;
        if (!HasLearned(maxTier))
        {
            return;
        }

        var estimates = Estimates(maxTier);
        var report = new QualityReport(TaskType, _unreportedRequests, estimates.Max(e => e.Accuracy()), [.. PolicyChooser.Frontier(estimates, options.CurrentValue.QualityConfidence)]);
        try
        {
            _allocation = await GrainFactory.GetGrain<IQualityGroupGrain>(group).Report(report);
            _unreportedRequests = 0;
            _policy = null;
            _candidatePolicy = null;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The group is unreachable for now: keep the last allocation (or the own target) and the
            // requests counted, and report again after the next change.
        }
    }

    private void Record(RouteOutcome outcome)
    {
        state.State.Apply(outcome);
        _unreportedRequests++;
        if (state.State.Canary?.ArmOf(outcome.Canary) is { } arm)
        {
            arm.Requests++;
            arm.CostUsd += outcome.Attempts.IsDefault ? 0m : outcome.Attempts.Sum(a => a.CostUsd);
            _dirty = true;
        }

        if (!IsCandidateModel(outcome.Canary))
        {
            var observations = OutcomeObservations.Of(outcome).ToList();
            Learn(observations);
            if (outcome.RequestId is { } requestId && !outcome.Signature.IsDefaultOrEmpty && Memory() is { } memory)
            {
                memory.Add(requestId, outcome.Signature.AsSpan(), observations.Select(o => (o.Tier, o.Label)));
            }
        }
    }

    /// <summary>
    /// True for a request answered by a canary's candidate model: another model than the tier's, so
    /// it must not teach the tier's statistics (a candidate of an ended canary counts as one too).
    /// </summary>
    private bool IsCandidateModel(CanaryTag? tag) =>
        tag is { Candidate: true }
        && (state.State.Canary is not { } canary || canary.Generation != tag.Generation || !string.IsNullOrEmpty(canary.Candidate.Model));

    async Task<CanaryReport?> ITaskRouterGrain.StartCanary(RouterSettings candidate, double share)
    {
        // A tenant's router is known when its task type is.
        var known = IsKnown() || (Tenant is not null && await GrainFactory.GetGrain<ITaskRouterGrain>(GrainKeys.Router(TaskType)).IsKnown());
        if (!known)
        {
            return null;
        }

        var canary = new CanaryState
        {
            Generation = ++state.State.CanaryGenerations,
            Candidate = candidate,
            Share = Math.Clamp(share, 0, 1),
            StartedAt = time.GetUtcNow(),
        };
        state.State.Canary = canary;
        _candidatePolicy = null;
        _dirty = true;
        await FlushAsync(CancellationToken.None);
        return Report(canary, "running");
    }

    Task<bool> ITaskRouterGrain.IsKnown() => Task.FromResult(IsKnown());

    Task<CanaryReport?> ITaskRouterGrain.GetCanary() =>
        Task.FromResult(state.State.Canary is { } canary ? Report(canary, "running") : null);

    async Task<CanaryReport?> ITaskRouterGrain.PromoteCanary()
    {
        if (state.State.Canary is not { } canary)
        {
            return null;
        }

        var report = Report(canary, "promoted");
        state.State.Settings = RouterSettingsMerge.Over(state.State.Settings, canary.Candidate);
        await EndCanaryAsync();
        return report;
    }

    async Task<CanaryReport?> ITaskRouterGrain.RollbackCanary()
    {
        if (state.State.Canary is not { } canary)
        {
            return null;
        }

        var report = Report(canary, "rolled_back");
        await EndCanaryAsync();
        return report;
    }

    private async Task EndCanaryAsync()
    {
        state.State.Canary = null;
        _policy = null;
        _candidatePolicy = null;
        _dirty = true;
        await FlushAsync(CancellationToken.None);
    }

    private CanaryReport Report(CanaryState canary, string status)
    {
        var settings = options.CurrentValue;
        var (z, p, significant, verdict, reason) = CanaryJudge.Judge(canary, settings.CanaryMinimumLabels, settings.CanarySignificanceLevel);
        return new CanaryReport(
            TaskType, canary.Generation, status, canary.Share, canary.Candidate, canary.StartedAt,
            canary.Control.ToReport(), canary.CandidateArm.ToReport(), TwoProportionTest.Name, z, p, significant, verdict, reason);
    }

    /// <summary>A task type is known when it is configured, or has been routed or configured through the API.</summary>
    private bool IsKnown() =>
        options.CurrentValue.TaskTypes.ContainsKey(TaskType)
        || TaskType == CompletionRequest.DefaultTaskType
        || state.State.Tiers.Count > 0
        || state.State.Settings is not null
        || state.State.CanaryGenerations > 0
        || _prior is { Tiers.Length: > 0 };

    async Task<RouterSnapshot> ITaskRouterGrain.Configure(RouterSettings settings)
    {
        var group = QualityGroup();
        state.State.Settings = RouterSettingsMerge.Over(state.State.Settings, settings);
        _policy = null;
        _candidatePolicy = null;
        _dirty = true;
        await FlushAsync(CancellationToken.None);
        if (group is not null && QualityGroup() is null)
        {
            // Pinned, or given a target of its own: its frontier no longer counts in the group's mix.
            _allocation = null;
            try
            {
                await GrainFactory.GetGrain<IQualityGroupGrain>(group).Leave(TaskType);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The settings are already in force; the group forgets the member when it next restarts.
            }
        }
        else
        {
            await ReportToGroupAsync();
        }

        return Snapshot();
    }

    Task<RouterSnapshot> ITaskRouterGrain.GetSnapshot() => Task.FromResult(Snapshot());

    private void Learn(IEnumerable<RouteObservation> observations)
    {
        state.State.Learn(observations);
        _policy = null;
        _candidatePolicy = null;
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
            state.State.SizeInBytes,
            QualityGroup(),
            AllocatedTarget(),
            AllocatedTarget() is null ? null : _allocation!.PricePerErrorUsd);
    }

    /// <summary>The share of its best tier's accuracy the group allocated, while the router takes part in one.</summary>
    private double? AllocatedTarget() => _allocation is { } allocation && QualityGroup() is not null ? allocation.AllocatedQualityTarget : null;

    private CascadePolicy Policy() => _policy ??= ChoosePolicy(Configured(), AllocatedTarget());

    private CascadePolicy ChoosePolicy((RoutePlan Plan, bool Pinned, double QualityTarget) configured, double? allocatedTarget = null)
    {
        var estimates = Estimates(configured.Plan.MaxTier);
        return HasLearned(configured.Plan.MaxTier)
            ? PolicyChooser.Choose(estimates, allocatedTarget ?? configured.QualityTarget, options.CurrentValue.QualityConfidence)
            : PolicyChooser.Estimate(estimates.Where(e => e.Tier >= configured.Plan.StartTier).ToList() is { Count: > 0 } planned ? planned : estimates, configured.Plan.AcceptConfidence);
    }

    private (RoutePlan Plan, bool Pinned, double QualityTarget) Configured() => Configured(state.State.Settings);

    private (RoutePlan Plan, bool Pinned, double QualityTarget) Configured(RouterSettings? settings)
    {
        var current = options.CurrentValue;
        var configured = current.TaskTypes.GetValueOrDefault(TaskType) ?? current.Default;
        var plan = RoutePlanner.PlanFor(TaskType, current);
        if (settings is null && _prior is { } prior)
        {
            // A tenant's router with no settings of its own follows the task type's pin and target (in a
            // quality group, the target the group allocated it).
            if (prior.Pinned)
            {
                return (prior.Plan with { Canary = null }, true, prior.QualityTarget);
            }

            settings = new RouterSettings(QualityTarget: prior.AllocatedQualityTarget ?? prior.QualityTarget);
        }

        var target = Math.Clamp(settings?.QualityTarget ?? configured.QualityTarget, 0, 1);
        if (!string.IsNullOrEmpty(settings?.Model) && catalog.TryGet(settings.Model, out var model))
        {
            // One model answers alone: a pinned single-step plan on its tier.
            return (new RoutePlan(TaskType, model.Tier, model.Tier, 0, Thresholds: [], Sequence: [model.Tier], Model: model.Name), true, target);
        }

        if (settings?.StartTier is not null || settings?.MaxTier is not null)
        {
            var from = settings.StartTier ?? plan.StartTier;
            var to = settings.MaxTier ?? plan.MaxTier;
            plan = plan with { StartTier = from, MaxTier = to < from ? from : to };
        }

        if (settings?.AcceptConfidence is { } accept)
        {
            plan = plan with { AcceptConfidence = Math.Clamp(accept, 0, 1) };
        }

        return (plan, settings?.Pinned ?? configured.Pinned, target);
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

        var weight = options.CurrentValue.TenantPriorWeight;
        return [.. tiers.Select(t =>
        {
            var learning = state.State.Learning[(int)t];
            var escalated = state.State.Escalated[(int)t];
            if (_prior?.Learning is { IsDefault: false } priors && priors.FirstOrDefault(p => p.Tier == t) is { } shared)
            {
                learning = TenantPrior.Combine(learning, shared.Bands, shared.CostUsdPerCall, weight);
                escalated = shared.EscalatedBands.IsDefault ? escalated : TenantPrior.Combine(escalated, shared.EscalatedBands, shared.CostUsdPerCall, weight);
            }

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
