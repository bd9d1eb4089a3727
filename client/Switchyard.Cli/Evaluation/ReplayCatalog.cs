using System.Globalization;
using Switchyard.Routing;

namespace Switchyard.Cli.Evaluation;

/// <summary>
/// The model catalog an evaluation runs with: one replayed deployment per tier (or one pinned model),
/// priced from list prices (USD per 1M input / output tokens) of the recorded models.
/// </summary>
internal static class ReplayCatalog
{
    /// <summary>The catalog name of the single model of a <c>single:&lt;model&gt;</c> run.</summary>
    public const string SingleName = "single";

    /// <summary>List prices of the recorded models; others are priced at $1 / $1.</summary>
    public static IReadOnlyDictionary<string, (decimal Input, decimal Output)> Prices { get; } = new Dictionary<string, (decimal, decimal)>(StringComparer.OrdinalIgnoreCase)
    {
        ["gpt-4-1106-preview"] = (10m, 30m),
        ["gpt-3.5-turbo-1106"] = (1m, 2m),
        ["claude-instant-v1"] = (0.8m, 2.4m),
        ["claude-v1"] = (8m, 24m),
        ["claude-v2"] = (8m, 24m),
        ["meta/llama-2-70b-chat"] = (0.9m, 0.9m),
        ["meta/code-llama-instruct-34b-chat"] = (0.776m, 0.776m),
        ["mistralai/mistral-7b-chat"] = (0.2m, 0.2m),
        ["mistralai/mixtral-8x7b-chat"] = (0.6m, 0.6m),
        ["mistralai/Mixtral-8x7B-Instruct-v0.1"] = (0.6m, 0.6m),
        ["zero-one-ai/Yi-34B-Chat"] = (0.8m, 0.8m),
        ["WizardLM/WizardLM-13B-V1.2"] = (0.3m, 0.3m),
    };

    /// <summary>
    /// The default tiers for RouterBench data: two agreeing open models, then gpt-3.5, then gpt-4.
    /// For two-model data: the cheaper model, then the dearer one.
    /// </summary>
    public static Dictionary<ModelTier, string> DefaultTiers(IReadOnlyList<string> models)
    {
        const string Mixtral = "mistralai/mixtral-8x7b-chat", Yi = "zero-one-ai/Yi-34B-Chat", Gpt35 = "gpt-3.5-turbo-1106", Gpt4 = "gpt-4-1106-preview";
        if (new[] { Mixtral, Yi, Gpt35, Gpt4 }.All(models.Contains))
        {
            return new() { [ModelTier.Cheap] = $"{Mixtral}+{Yi}", [ModelTier.Mid] = Gpt35, [ModelTier.Frontier] = Gpt4 };
        }

        var byPrice = models.OrderBy(m => PriceOf(m).Output).ToList();
        return byPrice.Count == 1
            ? new() { [ModelTier.Frontier] = byPrice[0] }
            : new() { [ModelTier.Cheap] = byPrice[0], [ModelTier.Frontier] = byPrice[^1] };
    }

    /// <summary>The price of a recorded model, or of a <c>a+b</c> pair (both calls).</summary>
    public static (decimal Input, decimal Output) PriceOf(string deployment) => deployment
        .Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Select(m => Prices.TryGetValue(m, out var p) ? p : (1m, 1m))
        .Aggregate((0m, 0m), (sum, p) => (sum.Item1 + p.Item1, sum.Item2 + p.Item2));

    /// <summary>The configuration of the catalog's deployments: catalog name → replay deployment.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Settings(IReadOnlyDictionary<string, (ModelTier Tier, string Deployment)> deployments)
    {
        foreach (var (name, (tier, deployment)) in deployments)
        {
            var (input, output) = PriceOf(deployment);
            var path = $"Switchyard:Models:{name}";
            yield return new($"{path}:Provider", "replay");
            yield return new($"{path}:Tier", tier.ToString());
            yield return new($"{path}:Deployment", deployment);
            yield return new($"{path}:InputPerMillion", input.ToString(CultureInfo.InvariantCulture));
            yield return new($"{path}:OutputPerMillion", output.ToString(CultureInfo.InvariantCulture));
        }
    }
}
