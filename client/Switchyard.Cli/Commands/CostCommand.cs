using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Switchyard.Cli.Output;
using Switchyard.Models;

namespace Switchyard.Cli.Commands;

/// <summary>
/// <c>switchyard cost estimate</c>: a month's cost of a traffic shape at list prices, on one model or
/// on a cascade that escalates the share of requests the cheap model does not get right.
/// </summary>
internal static class CostCommand
{
    /// <summary>Defines <c>cost</c> with its <c>estimate</c> subcommand.</summary>
    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var model = new Option<string?>("--model") { Description = $"One model for every request. Known: {string.Join(", ", ListPrices.All.Keys)}." };
        var cascade = new Option<string?>("--cascade") { Description = "Models from cheapest to strongest, comma-separated (e.g. gpt-4o-mini,gpt-4o)." };
        var cheapSuccess = new Option<decimal>("--cheap-success") { Description = "Share of requests each cascade step answers well enough (0-1).", DefaultValueFactory = _ => 0.8m };
        var requests = new Option<long>("--requests") { Description = "Requests per month.", Required = true };
        var promptTokens = new Option<long>("--prompt-tokens") { Description = "Prompt tokens per request.", Required = true };
        var completionTokens = new Option<long>("--completion-tokens") { Description = "Completion tokens per request.", Required = true };
        var cachedTokens = new Option<long>("--cached-tokens") { Description = "Of the prompt tokens, how many the provider's prompt cache serves.", DefaultValueFactory = _ => 0 };

        var estimate = new Command("estimate", "Estimate a month's cost at list prices, and a cascade's savings.")
        {
            model, cascade, cheapSuccess, requests, promptTokens, completionTokens, cachedTokens,
        };
        estimate.Validators.Add(result =>
        {
            if ((result.GetValue(model) is null) == (result.GetValue(cascade) is null))
            {
                result.AddError("Give either --model or --cascade.");
            }

            if (result.GetValue(cheapSuccess) is < 0m or > 1m)
            {
                result.AddError("--cheap-success must be between 0 and 1.");
            }

            if (result.GetValue(requests) < 0 || result.GetValue(promptTokens) < 0 || result.GetValue(completionTokens) < 0 || result.GetValue(cachedTokens) < 0)
            {
                result.AddError("--requests and the token counts may not be negative.");
            }

            if (result.GetValue(cachedTokens) > result.GetValue(promptTokens))
            {
                result.AddError("--cached-tokens may not exceed --prompt-tokens.");
            }
        });
        estimate.SetAction(parse =>
        {
            var models = parse.GetValue(cascade) is { } list
                ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [parse.GetValue(model)!];
            var unknown = models.Where(m => !ListPrices.All.ContainsKey(m)).ToList();
            if (unknown.Count > 0 || models.Length == 0)
            {
                environment.Error.WriteLine($"error: unknown model '{string.Join("', '", unknown)}'. Known: {string.Join(", ", ListPrices.All.Keys)}.");
                return ExitCodes.Failure;
            }

            var result = Estimate(models, parse.GetValue(cheapSuccess), parse.GetValue(requests), parse.GetValue(promptTokens), parse.GetValue(cachedTokens), parse.GetValue(completionTokens));
            Write(result, parse.GetValue(global.Output), environment);
            return ExitCodes.Success;
        });

        return new Command("cost", "Cost calculations at public list prices.") { estimate };
    }

    /// <summary>
    /// Every request goes to the first model; the share that step does not answer well enough
    /// (1 − <paramref name="stepSuccess"/>) escalates to the next, and so on; the last model answers all it gets.
    /// </summary>
    public static CostEstimate Estimate(IReadOnlyList<string> models, decimal stepSuccess, long requests, long promptTokens, long cachedTokens, long completionTokens)
    {
        var monthly = 0m;
        var reaching = (decimal)requests;
        foreach (var name in models)
        {
            monthly += reaching * ListPrices.All[name].CostOf(promptTokens, cachedTokens, completionTokens);
            reaching *= 1m - stepSuccess;
        }

        var baseline = requests * ListPrices.All[models[^1]].CostOf(promptTokens, cachedTokens, completionTokens);
        monthly = decimal.Round(monthly, 2);
        baseline = decimal.Round(baseline, 2);
        var savings = baseline - monthly;
        var percent = baseline == 0m ? 0m : decimal.Round(savings * 100m / baseline, 1);
        return new CostEstimate(models, requests, monthly, baseline, savings, percent);
    }

    private static void Write(CostEstimate estimate, OutputFormat output, CliEnvironment environment)
    {
        if (output == OutputFormat.Json)
        {
            environment.Out.WriteLine(JsonSerializer.Serialize(estimate, CliJsonContext.Default.CostEstimate));
            return;
        }

        var culture = CultureInfo.InvariantCulture;
        environment.Out.WriteLine(string.Create(culture, $"{string.Join(" → ", estimate.Models)}: {estimate.Requests:N0} requests a month"));
        environment.Out.WriteLine(string.Create(culture, $"monthly cost:  ${estimate.MonthlyUsd:N2}"));
        if (estimate.Models.Count > 1)
        {
            environment.Out.WriteLine(string.Create(culture, $"all on {estimate.Models[^1]}: ${estimate.BaselineUsd:N2}"));
            environment.Out.WriteLine(string.Create(culture, $"savings:       ${estimate.SavingsUsd:N2} ({estimate.SavingsPercent:0.0}%)"));
        }
    }
}
