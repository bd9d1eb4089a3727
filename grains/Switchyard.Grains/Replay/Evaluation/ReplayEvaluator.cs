using System.Collections.Immutable;
using Switchyard.Completion;
using Switchyard.Feedback;
using Switchyard.Routing;

namespace Switchyard.Replay.Evaluation;

/// <summary>
/// Sends recorded queries through the real request path (<see cref="ICompletionGrain"/>: router plan,
/// budget, replay provider, confidence, escalation, router outcome) one at a time, and only after
/// each answer is served reveals whether it was right, as tenant feedback — the router never sees a
/// query's correctness before it has decided.
/// </summary>
/// <param name="grains">The cluster.</param>
/// <param name="tenantId">The tenant the queries are sent as.</param>
/// <param name="recordedModels">For each catalog model name, the recorded models it answers with (the first is served).</param>
/// <param name="outcomes">
/// The silo's outcome aggregator, when the evaluation runs in the silo's process: flushed after every
/// query, so the router learns from each query before the next, the same way on every run.
/// </param>
public sealed class ReplayEvaluator(
    IGrainFactory grains, string tenantId, IReadOnlyDictionary<string, string[]> recordedModels, RouterOutcomeAggregator? outcomes = null)
{
    /// <summary>
    /// Sends <paramref name="queries"/> with <paramref name="model"/> (<c>auto</c> to let the router
    /// choose); <paramref name="phase"/> keeps request ids unique across passes.
    /// </summary>
    public async Task<ReplayRunResult> RunAsync(
        IReadOnlyList<ReplayQuery> queries, string model, string phase, CancellationToken cancellationToken = default)
    {
        var completion = grains.GetGrain<ICompletionGrain>(0);
        var ledger = grains.GetGrain<IFeedbackLedgerGrain>(GrainKeys.Feedback(tenantId));
        var calls = new SortedDictionary<string, long>(StringComparer.Ordinal);
        int right = 0, escalated = 0, top = 0, failed = 0;
        var cost = 0m;
        for (var i = 0; i < queries.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var query = queries[i];
            var request = new CompletionRequest(
                $"{phase}.{i}.{query.SampleId}", tenantId, query.TaskType, model, [new PromptMessage("user", query.Prompt)], Cache: CachePolicy.NoStore);
            var result = await completion.Complete(request);
            if (outcomes is not null)
            {
                await outcomes.FlushAsync(grains);
            }
            cost += result.CostUsd;
            if (result.Error is not null || !recordedModels.TryGetValue(result.Model, out var served))
            {
                failed++;
                continue;
            }

            foreach (var tier in result.TiersTried)
            {
                foreach (var recorded in ModelsOfTier(tier, result))
                {
                    calls[recorded] = calls.GetValueOrDefault(recorded) + 1;
                }
            }

            escalated += result.Escalations > 0 ? 1 : 0;
            top += result.TiersTried.Contains(ModelTier.Frontier) ? 1 : 0;
            var correct = query.Answers[served[0]].Correct;
            right += correct ? 1 : 0;

            // Revealed only now, after the decision. Routed answers are remembered one-way, so the
            // ledger may not have it yet: yield and ask again a few times.
            if (model == CompletionRequest.AutoModel)
            {
                for (var attempt = 0; attempt < 5 && !await ledger.Rate(request.RequestId, correct); attempt++)
                {
                    await Task.Yield();
                }
            }
        }

        return new ReplayRunResult(queries.Count, right, cost, calls, escalated, top, failed);
    }

    private IEnumerable<string> ModelsOfTier(ModelTier tier, CompletionResult result) =>
        tier == result.Tier && recordedModels.TryGetValue(result.Model, out var served)
            ? served
            : TierModels.GetValueOrDefault(tier) ?? [];

    /// <summary>The recorded models of each tier, for counting the calls of tiers that were escalated past.</summary>
    public ImmutableDictionary<ModelTier, string[]> TierModels { get; init; } = ImmutableDictionary<ModelTier, string[]>.Empty;
}
