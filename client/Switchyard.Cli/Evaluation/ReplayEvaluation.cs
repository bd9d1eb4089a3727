using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Switchyard.Completion;
using Switchyard.Models;
using Switchyard.Replay;
using Switchyard.Replay.Evaluation;
using Switchyard.Routing;

namespace Switchyard.Cli.Evaluation;

/// <summary>Runs an evaluation: starts the in-process cluster, replays warmup then data, computes the report.</summary>
internal static class ReplayEvaluation
{
    /// <summary>The tenant evaluation queries are sent as.</summary>
    public const string Tenant = "eval";

    /// <summary>The quality group of <see cref="ReplaySettings.SharedQualityTarget"/>.</summary>
    public const string SharedGroup = "eval";

    /// <summary>Runs <paramref name="settings"/>.</summary>
    /// <exception cref="ReplayFormatException">A file is malformed.</exception>
    /// <exception cref="ArgumentException">The policy or a tier names a model the data does not have.</exception>
    public static async Task<ReplayReport> RunAsync(ReplaySettings settings, CancellationToken cancellationToken)
    {
        var data = ReplayDataset.Load(settings.Data);
        var warmup = settings.Warmup.Count > 0 ? ReplayDataset.Load(settings.Warmup) : null;
        var queries = settings.HoldoutPercent is { } held
            ? [.. data.Queries.Where(q => ReplaySplit.IsHeldOut(q.SampleId, held))]
            : data.Queries.ToList();
        var warmupQueries = warmup is null ? []
            : settings.HoldoutPercent is { } percent ? [.. warmup.Queries.Where(q => !ReplaySplit.IsHeldOut(q.SampleId, percent))]
            : warmup.Queries.ToList();

        var tokens = new TokenCounter();
        decimal CostOf(ReplayQuery query, string model) => query.Answers[model].CostUsd
            ?? new ModelPrice(ReplayCatalog.PriceOf(model).Input, ReplayCatalog.PriceOf(model).Input, ReplayCatalog.PriceOf(model).Output)
                .CostOf(new TokenUsage(tokens.Count(query.Prompt), 0, new ReplayOptions().OutputTokensWithoutCost));

        var baselines = data.Models.Select(m => ReplayMetrics.Baseline(queries, m, CostOf)).ToList();
        var oracle = ReplayMetrics.Oracle(queries, data.Models, CostOf);
        var (router, run, bytes, policies) = settings.Policy == "oracle"
            ? (oracle with { Name = "router" }, null, new Dictionary<string, int>(), new Dictionary<string, string>())
            : await RunClusterAsync(settings, settings.QualityTargets[0], data, queries, warmupQueries, cancellationToken);
        List<CostQualityPoint> points = [router];
        if (settings.Policy == "learned")
        {
            foreach (var target in settings.QualityTargets.Skip(1))
            {
                var other = await RunClusterAsync(settings, target, data, queries, warmupQueries, cancellationToken);
                points.Add(other.Router);
            }
        }

        var minCost = baselines.Min(b => b.CostUsdPerQuery);
        var maxCost = baselines.Max(b => b.CostUsdPerQuery);
        var best = baselines.OrderByDescending(b => b.Accuracy).ThenBy(b => b.CostUsdPerQuery).First();
        double? apgr = null, cpt = null;
        if (data.Models.Count == 2 && run is not null)
        {
            var (weak, strong) = (baselines.MinBy(b => b.CostUsdPerQuery)!, baselines.MaxBy(b => b.CostUsdPerQuery)!);
            var point = (run.Queries == 0 ? 0 : run.TopTierQueries / (double)run.Queries, router.Accuracy);
            apgr = ReplayMetrics.Apgr([point], weak.Accuracy, strong.Accuracy);
            cpt = ReplayMetrics.Cpt([point], weak.Accuracy, strong.Accuracy, 0.5);
        }

        return new ReplayReport(
            settings.Policy,
            warmupQueries.Count,
            router,
            points,
            queries.Count,
            run?.CallsPerModel ?? ImmutableDictionary<string, long>.Empty,
            run?.EscalationRate ?? 0,
            baselines,
            oracle,
            ReplayMetrics.CostSavingAtEqualQuality(points, best),
            ReplayMetrics.Aiq([.. baselines, .. points], minCost, maxCost),
            ReplayMetrics.Aiq(baselines, minCost, maxCost),
            apgr,
            cpt,
            bytes,
            policies);
    }

    private static async Task<(CostQualityPoint Router, ReplayRunResult Run, Dictionary<string, int> Bytes, Dictionary<string, string> Policies)> RunClusterAsync(
        ReplaySettings settings, double qualityTarget, ReplayDataset data, List<ReplayQuery> queries, List<ReplayQuery> warmup, CancellationToken cancellationToken)
    {
        var single = settings.Policy.StartsWith("single:", StringComparison.Ordinal) ? settings.Policy["single:".Length..] : null;
        if (single is not null && !data.Models.Contains(single))
        {
            throw new ArgumentException($"--policy {settings.Policy}: the data has no model '{single}'. Models: {string.Join(", ", data.Models)}.");
        }

        var tiers = ReplayCatalog.DefaultTiers(data.Models);
        foreach (var (tier, deployment) in settings.Tiers)
        {
            tiers[tier] = deployment;
        }

        foreach (var model in tiers.Values.SelectMany(d => d.Split('+')).Where(m => !data.Models.Contains(m)))
        {
            throw new ArgumentException($"--tier: the data has no model '{model}'. Models: {string.Join(", ", data.Models)}.");
        }

        var deployments = single is not null
            ? new Dictionary<string, (ModelTier, string)> { [ReplayCatalog.SingleName] = (ModelTier.Frontier, single) }
            : tiers.ToDictionary(t => t.Key.ToString().ToLowerInvariant(), t => (t.Key, t.Value));
        var learned = settings.Policy == "learned";
        var files = settings.Data.Concat(settings.Warmup).Distinct().ToList();
        var config = new Dictionary<string, string?>
        {
            [$"Switchyard:Tenants:{Tenant}:ApiKey"] = "sk-eval",
            [$"Switchyard:Tenants:{Tenant}:MonthlyCapUsd"] = "1000000",
            ["Switchyard:Cache:Enabled"] = "false",
            ["Switchyard:Routing:ExplorationSeed"] = settings.Seed.ToString(CultureInfo.InvariantCulture),
            ["Switchyard:Routing:Default:StartTier"] = tiers.Keys.Min().ToString(),
            ["Switchyard:Routing:Default:MaxTier"] = tiers.Keys.Max().ToString(),
            ["Switchyard:Routing:Default:AcceptConfidence"] = "0.5",
            ["Switchyard:Routing:Default:Pinned"] = learned ? "false" : "true",
            ["Switchyard:Routing:Default:QualityTarget"] = qualityTarget.ToString(CultureInfo.InvariantCulture),
            ["Switchyard:Feedback:Capacity"] = "100000",
            ["Switchyard:Routing:NeighbourMemory"] = settings.Neighbours.ToString(CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < files.Count; i++)
        {
            config[$"Switchyard:Replay:Files:{i}"] = Path.GetFullPath(files[i]);
        }

        if (settings.QualityConfidence is { } confidence)
        {
            config["Switchyard:Routing:QualityConfidence"] = confidence.ToString(CultureInfo.InvariantCulture);
        }

        if (settings.SharedQualityTarget is { } shared)
        {
            // One group over every evaluated task type; each keeps the defaults above, and its own target
            // until the group has heard from it.
            config[$"Switchyard:Routing:QualityGroups:{SharedGroup}:QualityTarget"] = shared.ToString(CultureInfo.InvariantCulture);
            foreach (var taskType in queries.Concat(warmup).Select(q => q.TaskType).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                foreach (var setting in (string[])["StartTier", "MaxTier", "AcceptConfidence", "Pinned", "QualityTarget"])
                {
                    config[$"Switchyard:Routing:TaskTypes:{taskType}:{setting}"] = config[$"Switchyard:Routing:Default:{setting}"];
                }

                config[$"Switchyard:Routing:TaskTypes:{taskType}:QualityGroup"] = SharedGroup;
            }
        }

        await using var cluster = await ReplayCluster.StartAsync(config.Concat(ReplayCatalog.Settings(deployments)), cancellationToken);
        var recorded = deployments.ToDictionary(d => d.Key, d => d.Value.Item2.Split('+'), StringComparer.OrdinalIgnoreCase);
        var evaluator = new ReplayEvaluator(cluster.Grains, Tenant, recorded, cluster.Services.GetRequiredService<RouterOutcomeAggregator>())
        {
            TierModels = deployments.Values.ToImmutableDictionary(d => d.Item1, d => d.Item2.Split('+')),
        };
        var requested = single is not null ? ReplayCatalog.SingleName : CompletionRequest.AutoModel;
        if (warmup.Count > 0)
        {
            await evaluator.RunAsync(warmup, requested, "warmup", cancellationToken);
        }

        var run = await evaluator.RunAsync(queries, requested, "eval", cancellationToken);
        var bytes = new Dictionary<string, int>(StringComparer.Ordinal);
        var policies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var taskType in queries.Concat(warmup).Select(q => q.TaskType).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var snapshot = await cluster.Grains.GetGrain<ITaskRouterGrain>(GrainKeys.Router(taskType)).GetSnapshot();
            bytes[taskType] = snapshot.StateBytes;
            policies[taskType] = Describe(snapshot);
        }

        var name = settings.Policy == "learned" ? $"router@{qualityTarget.ToString(CultureInfo.InvariantCulture)}" : "router";
        return (new CostQualityPoint(name, run.Accuracy, run.CostUsdPerQuery), run, bytes, policies);
    }

    private static string Describe(RouterSnapshot snapshot)
    {
        var plan = snapshot.Plan;
        var steps = plan.Tiers().Select(t => t == plan.MaxTier
            ? t.ToString().ToLowerInvariant()
            : $"{t.ToString().ToLowerInvariant()} (accept ≥ {plan.AcceptConfidenceFor(t).ToString("0.0", CultureInfo.InvariantCulture)})");
        var allocated = snapshot.AllocatedQualityTarget is { } target
            ? $"; group {snapshot.QualityGroup} allocated {target.ToString("P1", CultureInfo.InvariantCulture)} of its best tier"
            : "";
        return snapshot.Pinned
            ? $"pinned: {string.Join(" → ", steps)}"
            : $"{string.Join(" → ", steps)}; expected accuracy {snapshot.ExpectedAccuracy.ToString("P1", CultureInfo.InvariantCulture)}, USD {snapshot.ExpectedCostUsd.ToString("0.000000", CultureInfo.InvariantCulture)}{allocated}";
    }
}
