using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchyard.Budget;
using Switchyard.Caching;
using Switchyard.Feedback;
using Switchyard.Ledger;
using Switchyard.Models;
using Switchyard.Providers;
using Switchyard.Routing;
using Switchyard.Routing.Canary;
using Switchyard.Routing.Confidence;
using Switchyard.Routing.Learning;
using Switchyard.Telemetry;
using Switchyard.Tenants;

namespace Switchyard.Completion;

/// <summary>
/// Carries one request along the path: router plan and cache lookup (exact, then semantic) at once →
/// budget hold → model → confidence check → escalation → settle → cache store → router outcome (queued in the silo's
/// <see cref="RouterOutcomeAggregator"/>) and served answer (remembered for feedback); a share of the
/// accepted answers is audited by a stronger tier after the response has gone; every provider call and
/// cache hit goes to the silo's <see cref="CallLedger"/>. A silo service that holds no state of its
/// own (everything it uses is thread-safe), so any number of requests run through it at once. Callers
/// reach it through the <see cref="CompletionGrain"/> stateless worker, the silo's HTTP API included.
/// </summary>
public sealed partial class CompletionPipeline(
    IGrainFactory grains,
    ModelCatalog catalog,
    ChatClientRegistry clients,
    TokenCounter tokens,
    TenantDirectory directory,
    CompletionCache cache,
    ILogger<CompletionPipeline> logger,
    RouterOutcomeAggregator outcomes,
    IOptionsMonitor<RoutingOptions> routing,
    CallLedger ledger,
    CompletionLengthEstimator completionLengths,
    TimeProvider time)
{
    /// <summary>Below this many affordable completion tokens a hard-capped request without <c>max_tokens</c> is capped to them.</summary>
    public const int BudgetCeilingFrom = 4096;

    /// <summary>Serves <paramref name="request"/>; failures the caller can act on come back as <see cref="CompletionResult.Error"/>.</summary>
    public async Task<CompletionResult> CompleteAsync(CompletionRequest request)
    {
        using var activity = SwitchyardTelemetry.Source.StartActivity("switchyard.complete");
        activity?.SetTag("switchyard.task_type", request.TaskType);
        var result = await ServeAsync(request);
        activity?.SetTag("switchyard.cache", WireNames.Cache(result.Cache));
        activity?.SetTag("gen_ai.response.model", result.Model);
        SwitchyardTelemetry.RecordRequest(result);
        return result;
    }

    private async Task<CompletionResult> ServeAsync(CompletionRequest request)
    {
        if (Validate(request) is { } invalid)
        {
            return CompletionResult.Failed(request.RequestId, invalid);
        }

        var pinned = !request.Model.Equals(CompletionRequest.AutoModel, StringComparison.OrdinalIgnoreCase);
        // The end user's cohort decides the canary arm: the same user always gets the same arm.
        var routerKey = routing.CurrentValue.PerTenant ? GrainKeys.TenantRouter(request.TenantId, request.TaskType) : GrainKeys.Router(request.TaskType);
        var cohort = CanaryCohort.Of(request.TaskType, request.User, request.RequestId);
        var signature = pinned ? default : SignatureOf(request);
        var router = grains.Reference<ITaskRouterGrain>(routerKey);

        // The plan and the cache lookup do not depend on each other: both are asked at once, so the
        // request waits for one of the two round trips, not for both in turn.
        var planning = pinned ? null
            : signature.IsDefault ? router.GetPlanFor(cohort)
            : router.GetPlanForQuery(cohort, signature);
        var lookingUp = cache.LookupAsync(request);
        if (planning is not null)
        {
            await Task.WhenAll(planning, lookingUp);
        }

        var plan = planning is null ? null : await planning;
        var lookup = await lookingUp;
        var candidates = pinned ? PinnedCandidates(request.Model)
            : plan!.Model is { } planned ? PinnedCandidates(planned)
            : PlannedCandidates(plan);
        if (candidates.Count == 0)
        {
            return CompletionResult.Failed(request.RequestId, new CompletionError(
                CompletionErrorKind.InvalidRequest, pinned ? $"The model '{request.Model}' does not exist." : "No model is configured for any tier of this task type's plan."));
        }

        if (lookup.Hit is { } hit)
        {
            var now = time.GetUtcNow();
            ledger.Record(new ApiCall(
                Uuid7.New(now), now, request.TenantId, request.TaskType, request.RequestId, hit.Model, hit.Tier,
                0, 0, 0, 0m, 0, WireNames.Cache(lookup.Result), 0, ApiCall.Cached));
            return new CompletionResult(
                request.RequestId, hit.Content, hit.Model, hit.Tier, lookup.Result, 0m, 0, [], TokenUsage.None, null, hit.FinishReason);
        }

        var served = await CascadeAsync(request, candidates, plan, mayDowngrade: !pinned);
        if (served.Result.Error is null)
        {
            await cache.StoreAsync(request, lookup, served.Result);
            if (plan is not null)
            {
                RouterFeed.Outcome(outcomes, routerKey, request.TaskType, signature.IsDefault
                    ? new RouteOutcome(served.Attempts, plan.Canary)
                    : new RouteOutcome(served.Attempts, plan.Canary, request.RequestId, signature));
                if (!served.Attempts.IsDefaultOrEmpty)
                {
                    var last = served.Attempts[^1];
                    grains.Reference<IFeedbackLedgerGrain>(GrainKeys.Feedback(request.TenantId))
                        .Remember(new ServedAnswer(request.RequestId, request.TaskType, last.Tier, last.Confidence, served.Attempts.Length > 1, plan.Canary, routerKey)).Ignore();
                    if (Random.Shared.NextDouble() < routing.CurrentValue.AuditRate && AuditorFor(last.Tier) is { } auditor)
                    {
                        // Off the request path: the thread pool runs the audit after the response has gone.
                        _ = Task.Run(() => AuditAsync(request, routerKey, auditor, last, served.Attempts.Length > 1, plan.Canary));
                    }
                }
            }
        }

        return served.Result;
    }

    private async Task<(CompletionResult Result, ImmutableArray<TierAttempt> Attempts)> CascadeAsync(
        CompletionRequest request, List<ModelDeployment> candidates, RoutePlan? plan, bool mayDowngrade)
    {
        var budget = grains.Reference<ITenantBudgetGrain>(GrainKeys.Budget(request.TenantId));
        var messages = request.Messages.Select(m => new ChatMessage(new ChatRole(m.Role), m.Content)).ToList();
        var source = plan is null ? ConfidenceSource.Provider : ConfidenceSourceOf(request.TaskType);
        if (source == ConfidenceSource.SelfReported)
        {
            messages.Insert(0, new ChatMessage(ChatRole.System, ConfidenceScorer.SelfReportInstruction));
        }

        var promptTokens = tokens.CountPrompt(request.Messages);
        var outputEstimate = completionLengths.Estimate(request.TaskType, request.MaxTokens);

        var attempts = ImmutableArray.CreateBuilder<TierAttempt>();
        var tiers = ImmutableArray.CreateBuilder<ModelTier>();
        var spent = 0m;
        var usage = TokenUsage.None;
        (ModelDeployment Model, ChatResponse Response, double? Confidence)? last = null;
        string? refusal = null;

        try
        {
            for (var i = 0; i < candidates.Count; i++)
            {
                var model = candidates[i];
                if (last is { } answered && answered.Model.Tier == model.Tier)
                {
                    // This tier already answered; its other deployments are only error fallbacks.
                    continue;
                }

                var estimate = model.Price.CostOf(new TokenUsage(promptTokens, 0, outputEstimate));
                var hold = await budget.Reserve(request.RequestId, spent + estimate, model.Tier);
                if (hold.Status == ReservationStatus.AlreadySettled)
                {
                    return (CompletionResult.Failed(request.RequestId, new CompletionError(
                        CompletionErrorKind.AlreadyCompleted, $"The request '{request.RequestId}' was already completed and charged; it is not run again.")), []);
                }

                if (hold.Status == ReservationStatus.Downgraded)
                {
                    // Too little budget left for frontier: serve what a lower tier answered, or, for a
                    // plan that starts on frontier, try the best lower tier instead of refusing.
                    refusal = hold.Reason;
                    if (mayDowngrade && last is null && DowngradeTarget(candidates) is { } lower)
                    {
                        candidates.Add(lower);
                    }

                    continue;
                }

                if (!hold.IsGranted)
                {
                    // Out of budget: serve what a cheaper tier already answered, or refuse if nothing has.
                    refusal = hold.Reason;
                    break;
                }

                // A hard cap is never overspent: a request without max_tokens may generate only what the
                // budget left to it pays for. That bites only near the cap, where the learned estimate
                // is all that separates the tenant from its limit.
                // Above BudgetCeilingFrom tokens no ceiling is sent: providers refuse a max_tokens beyond their model's limit.
                var affordable = request.MaxTokens is null && hold.HardCap
                    ? model.Price.AffordableOutputTokens(hold.HeldUsd - spent + hold.RemainingUsd, promptTokens)
                    : null;
                int? ceiling = affordable is { } tokens && tokens < BudgetCeilingFrom ? Math.Max(1, tokens) : null;
                ChatResponse response;
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var chatOptions = ChatOptionsMapper.For(request, model.Deployment, ceiling);
                    ConfidenceScorer.Prepare(chatOptions, source);
                    response = await ProviderCall.GetAsync(clients.Get(model), messages, chatOptions, model.Options.Resilience.TotalTimeout);
                }
                catch (Exception exception)
                {
                    // A failed call costs nothing, and a broken stream what was generated before it broke;
                    // another deployment of this tier, or the next tier, may still answer.
                    var partialUsage = exception is PartialResponseException partial ? UsageOf(partial.Partial, promptTokens) : TokenUsage.None;
                    var partialCost = model.Price.CostOf(partialUsage);
                    spent += partialCost;
                    SwitchyardTelemetry.RecordCost(model.Tier, partialCost);
                    RecordCall(request, model, partialUsage, partialCost, started, attempts.Count, ApiCall.Failed);

                    LogProviderFailed(logger, model.Name, exception);
                    continue;
                }

                var callUsage = UsageOf(response, promptTokens);
                var cost = model.Price.CostOf(callUsage);
                spent += cost;
                usage += callUsage;
                tiers.Add(model.Tier);
                SwitchyardTelemetry.RecordCost(model.Tier, cost);
                RecordCall(request, model, callUsage, cost, started, attempts.Count, ApiCall.Ok);
                completionLengths.Observe(request.TaskType, callUsage.OutputTokens);

                var scored = ConfidenceScorer.Score(response, source);
                var confidence = scored.Confidence;
                if (confidence is { } raw && plan is { NeighbourAccuracy.IsDefaultOrEmpty: false })
                {
                    // How often this tier was right on the most similar earlier requests counts as much
                    // as the answer's own confidence (a coin flip while too few are known), so the top
                    // bands need both; the calibrator learns what the blend is worth.
                    confidence = (raw + (plan.NeighbourAccuracyFor(model.Tier) ?? 0.5)) / 2;
                }

                var isLast = !candidates.Skip(i + 1).Any(c => c.Tier > model.Tier);
                var threshold = plan?.AcceptConfidenceFor(model.Tier) ?? 0;
                var accepted = isLast || plan is null || confidence is not { } c || c >= threshold;
                attempts.Add(new TierAttempt(model.Tier, confidence ?? 1.0, accepted, AnswerKey.Of(scored.Answer), cost));
                last = (model, response, confidence);
                if (accepted)
                {
                    break;
                }

                LogEscalated(logger, model.Name, confidence ?? 0, threshold);
                SwitchyardTelemetry.RecordEscalation(model.Tier);
            }
        }
        finally
        {
            if (spent > 0m)
            {
                await budget.Settle(request.RequestId, spent);
            }
            else
            {
                await budget.Release(request.RequestId);
            }
        }

        if (last is not { } answer)
        {
            var error = refusal is not null
                ? new CompletionError(CompletionErrorKind.BudgetExceeded, refusal)
                : new CompletionError(CompletionErrorKind.ProviderFailed, "Every model that could answer this request failed.");
            return (CompletionResult.Failed(request.RequestId, error, spent), attempts.ToImmutable());
        }

        var result = new CompletionResult(
            request.RequestId,
            answer.Response.Text,
            answer.Model.Name,
            answer.Model.Tier,
            CacheResult.Miss,
            spent,
            Escalations: attempts.Count - 1,
            tiers.ToImmutable(),
            usage,
            answer.Confidence,
            FinishReasonOf(answer.Response));
        return (result, attempts.ToImmutable());
    }

    private void RecordCall(CompletionRequest request, ModelDeployment model, TokenUsage usage, decimal cost, long started, int escalations, string status)
    {
        var now = time.GetUtcNow();
        ledger.Record(new ApiCall(
            Uuid7.New(now),
            now,
            request.TenantId,
            request.TaskType,
            request.RequestId,
            model.Name,
            model.Tier,
            usage.InputTokens,
            usage.CachedInputTokens,
            usage.OutputTokens,
            cost,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            WireNames.Cache(CacheResult.Miss),
            escalations,
            status));
    }

    /// <summary>
    /// The query's signature when routers remember requests (<see cref="RoutingOptions.NeighbourMemory"/>):
    /// of the last user message; default (none) otherwise.
    /// </summary>
    private ImmutableArray<sbyte> SignatureOf(CompletionRequest request)
    {
        if (routing.CurrentValue.NeighbourMemory <= 0
            || request.Messages.LastOrDefault(m => m.Role.Equals("user", StringComparison.OrdinalIgnoreCase)) is not { } last
            || string.IsNullOrWhiteSpace(last.Content))
        {
            return default;
        }

        return [.. QuerySignature.Of(last.Content)];
    }

    /// <summary>The strongest configured tier above <paramref name="tier"/>, which audits its answers; null when none is.</summary>
    private ModelDeployment? AuditorFor(ModelTier tier) =>
        Enum.GetValues<ModelTier>().Where(t => t > tier).Reverse().Select(catalog.ForTier).FirstOrDefault(d => d is not null);

    /// <summary>
    /// Asks <paramref name="auditor"/> the same question and labels the served answer by whether it
    /// agrees: a stronger answer that agrees says the accepted one was right. The audit is the
    /// operator's cost of learning, not the tenant's: it is counted in its own metric, not charged.
    /// </summary>
    private async Task AuditAsync(CompletionRequest request, string routerKey, ModelDeployment auditor, TierAttempt served, bool escalated, CanaryTag? canary)
    {
        if (served.AnswerKey is null)
        {
            return;
        }

        try
        {
            var source = ConfidenceSourceOf(request.TaskType);
            var messages = request.Messages.Select(m => new ChatMessage(new ChatRole(m.Role), m.Content)).ToList();
            if (source == ConfidenceSource.SelfReported)
            {
                messages.Insert(0, new ChatMessage(ChatRole.System, ConfidenceScorer.SelfReportInstruction));
            }

            ChatResponse response;
            var started = Stopwatch.GetTimestamp();
            try
            {
                response = await ProviderCall.GetAsync(
                    clients.Get(auditor), messages, ChatOptionsMapper.For(request, auditor.Deployment), auditor.Options.Resilience.TotalTimeout);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // An audit is not streamed, so a failed one returned nothing to pay for; the ledger
                // still shows that the call was made.
                RecordCall(request, auditor, TokenUsage.None, 0m, started, escalations: 0, ApiCall.AuditFailed);
                LogAuditFailed(logger, auditor.Name, exception);
                return;
            }

            var agreed = AnswerKey.Of(ConfidenceScorer.Score(response, source).Answer) == served.AnswerKey;
            var usage = UsageOf(response, tokens.CountPrompt(request.Messages));
            var cost = auditor.Price.CostOf(usage);
            RecordCall(request, auditor, usage, cost, started, escalations: 0, ApiCall.Audit);
            SwitchyardTelemetry.RecordAudit(served.Tier, auditor.Tier, agreed, cost);
            RouterFeed.Label(outcomes, routerKey, request.TaskType, new RouteObservation(
                served.Tier, served.Confidence, agreed ? OutcomeLabel.Right : OutcomeLabel.Wrong, IsCall: false, 0m, escalated, canary, Served: true,
                RequestId: request.RequestId));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // An audit that fails only costs a label.
            LogAuditFailed(logger, auditor.Name, exception);
        }
    }

    private CompletionError? Validate(CompletionRequest request)
    {
        if (!GrainKeys.IsValidTenantId(request.TenantId) || !directory.Contains(request.TenantId))
        {
            return new CompletionError(CompletionErrorKind.InvalidRequest, $"The tenant '{request.TenantId}' is not configured.");
        }

        if (string.IsNullOrWhiteSpace(request.RequestId))
        {
            return new CompletionError(CompletionErrorKind.InvalidRequest, "A request id is required.");
        }

        if (string.IsNullOrWhiteSpace(request.TaskType))
        {
            return new CompletionError(CompletionErrorKind.InvalidRequest, "A task type is required.");
        }

        return request.Messages.IsDefaultOrEmpty
            ? new CompletionError(CompletionErrorKind.InvalidRequest, "At least one message is required.")
            : null;
    }

    private ModelDeployment? DowngradeTarget(List<ModelDeployment> candidates) =>
        candidates.Any(c => c.Tier < ModelTier.Frontier) ? null : catalog.ForTier(ModelTier.Mid) ?? catalog.ForTier(ModelTier.Cheap);

    private List<ModelDeployment> PinnedCandidates(string model) =>
        catalog.TryGet(model, out var deployment) ? [deployment] : [];

    private List<ModelDeployment> PlannedCandidates(RoutePlan plan) =>
        [.. plan.Tiers().SelectMany(catalog.InTier)];

    private TokenUsage UsageOf(ChatResponse response, int promptTokens)
    {
        var input = (int)(response.Usage?.InputTokenCount ?? promptTokens);
        var cached = (int)(response.Usage?.CachedInputTokenCount ?? 0);
        var output = (int)(response.Usage?.OutputTokenCount ?? tokens.Count(response.Text));
        return new TokenUsage(input, cached, output);
    }

    private ConfidenceSource ConfidenceSourceOf(string taskType)
    {
        var current = routing.CurrentValue;
        return (current.TaskTypes.GetValueOrDefault(taskType) ?? current.Default).Confidence;
    }

    private static string FinishReasonOf(ChatResponse response) =>
        response.FinishReason == ChatFinishReason.Length ? "length"
        : response.FinishReason == ChatFinishReason.ToolCalls ? "tool_calls"
        : response.FinishReason == ChatFinishReason.ContentFilter ? "content_filter"
        : "stop";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {Model} failed; trying the next candidate")]
    private static partial void LogProviderFailed(ILogger logger, string model, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit by {Model} failed")]
    private static partial void LogAuditFailed(ILogger logger, string model, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Escalating past {Model}: confidence {Confidence} below {Threshold}")]
    private static partial void LogEscalated(ILogger logger, string model, double confidence, double threshold);
}
