using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using Switchyard.Providers;
using Switchyard.Routing;

namespace Switchyard.Models;

/// <summary>
/// The validated, immutable model catalog. Built once at start: an entry without prices, without a
/// tier, or with a provider this build does not know stops the start with the configuration path
/// of what is wrong.
/// </summary>
public sealed class ModelCatalog
{
    private readonly FrozenDictionary<string, ModelDeployment> _byName;
    private readonly FrozenDictionary<ModelTier, ModelDeployment[]> _byTier;

    /// <summary>Builds the catalog from options.</summary>
    public ModelCatalog(IOptions<ModelCatalogOptions> options)
        : this(options.Value)
    {
    }

    /// <summary>Builds the catalog from options.</summary>
    public ModelCatalog(ModelCatalogOptions options)
    {
        var errors = new List<string>();
        var deployments = new List<ModelDeployment>();
        foreach (var (name, model) in options.Models)
        {
            var path = $"Switchyard:Models:{name}";
            if (model.Kind == ModelKind.Embedding)
            {
                // Embedding models are validated here too, so a bad one stops the start; they are never routed to.
                EmbeddingDeployment.Create(name, model, errors);
                continue;
            }

            if (name.Equals(Completion.CompletionRequest.AutoModel, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{path}: 'auto' is reserved for router-chosen models.");
                continue;
            }

            if (!KnownProviders.Contains(model.Provider))
            {
                errors.Add($"{path}:Provider '{model.Provider}' is not one of: {string.Join(", ", KnownProviders)}.");
            }

            if (OpenAIProviders.ConfigurationError(model) is { } providerError)
            {
                errors.Add($"{path}:{providerError}");
            }

            if (model.Tier is not { } tier || !Enum.IsDefined(tier))
            {
                errors.Add($"{path}:Tier is required (cheap, mid or frontier).");
                continue;
            }

            // A well-known model that configures no price of its own costs its public list price.
            var list = model.InputPerMillion is null && model.OutputPerMillion is null && model.CachedInputPerMillion is null
                ? ListPrices.Find(model.Deployment) ?? ListPrices.Find(name)
                : null;
            if ((model.InputPerMillion ?? list?.InputPerMillion) is not { } input || (model.OutputPerMillion ?? list?.OutputPerMillion) is not { } output)
            {
                errors.Add($"{path} has no price: set InputPerMillion and OutputPerMillion (USD per 1M tokens), or name a model with a list price as its Deployment ({string.Join(", ", ListPrices.All.Keys)}). Unpriced models are refused.");
                continue;
            }

            var cached = model.CachedInputPerMillion ?? list?.CachedInputPerMillion ?? input;
            if (input < 0 || output < 0 || cached < 0)
            {
                errors.Add($"{path}: prices cannot be negative.");
                continue;
            }

            deployments.Add(new ModelDeployment(
                name, model.Provider, model.Deployment ?? name, tier, new ModelPrice(input, cached, output), model.ContextWindow, model));
        }

        if (deployments.Count == 0 && errors.Count == 0)
        {
            errors.Add("Switchyard:Models is empty: configure at least one model per tier.");
        }

        if (errors.Count > 0)
        {
            throw new OptionsValidationException(nameof(ModelCatalogOptions), typeof(ModelCatalogOptions), errors);
        }

        _byName = deployments.ToFrozenDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
        _byTier = deployments
            .GroupBy(d => d.Tier)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(d => d.Price.OutputPerMillion).ThenBy(d => d.Name, StringComparer.Ordinal).ToArray());
        DefaultOutputTokenEstimate = options.DefaultOutputTokenEstimate;
    }

    /// <summary>The providers this build can call.</summary>
    public static IReadOnlyList<string> KnownProviders { get; } =
        [SimulatedChatClient.ProviderName, OpenAIProviders.OpenAI, OpenAIProviders.OpenAICompatible, OpenAIProviders.AzureOpenAI, Replay.ReplayChatClient.ProviderName];

    /// <summary>Every deployment, by name.</summary>
    public IEnumerable<ModelDeployment> All => _byName.Values.OrderBy(d => d.Tier).ThenBy(d => d.Name, StringComparer.Ordinal);

    /// <summary>Completion tokens assumed when a request sets no limit.</summary>
    public int DefaultOutputTokenEstimate { get; }

    /// <summary>Finds a deployment by its catalog name.</summary>
    public bool TryGet(string name, out ModelDeployment deployment) => _byName.TryGetValue(name, out deployment!);

    /// <summary>The cheapest deployment of <paramref name="tier"/>, or null when the catalog has none.</summary>
    public ModelDeployment? ForTier(ModelTier tier) => InTier(tier).FirstOrDefault();

    /// <summary>Every deployment of <paramref name="tier"/>, cheapest first: the order error fallback tries them in.</summary>
    public IReadOnlyList<ModelDeployment> InTier(ModelTier tier) => _byTier.GetValueOrDefault(tier) ?? [];
}
