using System.CommandLine;
using Switchyard.Cli.Evaluation;
using Switchyard.Cli.Output;
using Switchyard.Replay;
using Switchyard.Routing;

namespace Switchyard.Cli.Commands;

/// <summary>
/// <c>switchyard eval replay --data FILE…</c>: replays recorded model outputs through the real grains
/// in an in-process cluster and reports accuracy, cost and the published router metrics.
/// </summary>
internal static class EvalReplayCommand
{
    /// <summary>Defines <c>eval replay</c>.</summary>
    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var data = new Option<string[]>("--data") { Description = "Replay files to evaluate on (RouterBench or RouteLLM CSVs).", Required = true, AllowMultipleArgumentsPerToken = true };
        var warmup = new Option<string[]>("--warmup") { Description = "Replay files to learn from first; not counted.", AllowMultipleArgumentsPerToken = true };
        var policy = new Option<string>("--policy") { Description = "learned, static, oracle or single:<model>.", DefaultValueFactory = _ => "learned" };
        var holdout = new Option<int?>("--holdout") { Description = "Evaluate only this percentage of the data (by a hash of sample_id) and warm up only on the rest." };
        var target = new Option<double[]>("--quality-target")
        {
            Description = "The learned router's target: share of the best tier's accuracy to keep (default 0.97). Several values: one run each; the first is reported, all are drawn and count for AIQ.",
            AllowMultipleArgumentsPerToken = true,
        };
        var tiers = new Option<string[]>("--tier") { Description = "A tier's replayed model(s): cheap=MODEL[+MODEL], mid=…, frontier=….", AllowMultipleArgumentsPerToken = true };
        var seed = new Option<int>("--seed") { Description = "Seeds the router's exploration.", DefaultValueFactory = _ => 1 };
        var neighbours = new Option<int>("--neighbours")
        {
            Description = "Requests each router remembers to estimate, per query, each tier's accuracy from the most similar earlier ones (0: off).",
            DefaultValueFactory = _ => 0,
        };
        neighbours.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--neighbours must be 0 or more.");
            }
        });
        var shared = new Option<double?>("--shared-quality-target")
        {
            Description = "Put every evaluated task type in one quality group keeping this share of the best tiers' accuracy over the mix (default: each task type holds its own target).",
        };
        shared.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is <= 0 or > 1)
            {
                result.AddError("--shared-quality-target must be in (0, 1].");
            }
        });
        var confidence = new Option<double?>("--quality-confidence")
        {
            Description = "Standard deviations of a cascade's estimated shortfall from the best tier taken off its accuracy before it is compared with the target (0: point estimates; default: the router's).",
        };
        confidence.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is < 0 or > 5)
            {
                result.AddError("--quality-confidence must be from 0 to 5.");
            }
        });
        var report = new Option<FileInfo?>("--report") { Description = "Also write an HTML report (the cost–quality plane) to this file." };

        policy.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is not ("learned" or "static" or "oracle") && !(value.StartsWith("single:", StringComparison.Ordinal) && value.Length > "single:".Length))
            {
                result.AddError("--policy must be learned, static, oracle or single:<model>.");
            }
        });
        holdout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > 99)
            {
                result.AddError("--holdout must be a percentage from 1 to 99.");
            }
        });
        target.Validators.Add(result =>
        {
            if ((result.GetValueOrDefault<double[]>() ?? []).Any(t => t is <= 0 or > 1))
            {
                result.AddError("--quality-target must be in (0, 1].");
            }
        });
        tiers.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!TryParseTier(value, out _, out _))
                {
                    result.AddError($"--tier '{value}' is not cheap=MODEL, mid=MODEL or frontier=MODEL (MODEL may be a+b).");
                }
            }
        });

        var replay = new Command("replay", "Replay recorded model outputs through the router and report accuracy, cost and AIQ.")
        {
            data, warmup, policy, holdout, target, tiers, seed, neighbours, shared, confidence, report,
        };
        replay.SetAction(async (parse, cancellationToken) =>
        {
            var tierMap = new Dictionary<ModelTier, string>();
            foreach (var value in parse.GetValue(tiers) ?? [])
            {
                TryParseTier(value, out var tier, out var deployment);
                tierMap[tier] = deployment;
            }

            var settings = new ReplaySettings(
                parse.GetRequiredValue(data), parse.GetValue(warmup) ?? [], parse.GetRequiredValue(policy),
                parse.GetValue(holdout), parse.GetValue(target) is { Length: > 0 } targets ? targets : [0.97], tierMap, parse.GetValue(seed))
            {
                Neighbours = parse.GetValue(neighbours),
                SharedQualityTarget = parse.GetValue(shared),
                QualityConfidence = parse.GetValue(confidence),
            };
            return await RunAsync(settings, parse.GetValue(global.Output), parse.GetValue(report), environment, cancellationToken);
        });

        return replay;
    }

    /// <summary>Runs the evaluation and prints the report; returns the exit code.</summary>
    public static async Task<int> RunAsync(
        ReplaySettings settings, OutputFormat output, FileInfo? html, CliEnvironment environment, CancellationToken cancellationToken)
    {
        try
        {
            var result = await environment.WithStatusAsync(
                output == OutputFormat.Text, "Replaying…", () => ReplayEvaluation.RunAsync(settings, cancellationToken));
            ReplayReportWriter.Write(result, output, environment);
            if (html is not null)
            {
                await File.WriteAllTextAsync(html.FullName, ReplayReportHtml.Render(result), cancellationToken);
            }

            return ExitCodes.Success;
        }
        catch (Exception exception) when (exception is ReplayFormatException or ArgumentException)
        {
            environment.Error.WriteLine($"error: {exception.Message}");
            return ExitCodes.Failure;
        }
    }

    private static bool TryParseTier(string value, out ModelTier tier, out string deployment)
    {
        var at = value.IndexOf('=', StringComparison.Ordinal);
        deployment = at > 0 ? value[(at + 1)..].Trim() : "";
        tier = default;
        return at > 0 && deployment.Length > 0 && Enum.TryParse(value[..at], ignoreCase: true, out tier) && Enum.IsDefined(tier);
    }
}
