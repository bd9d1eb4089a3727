using Switchyard.Providers;

namespace Switchyard.Models;

/// <summary>A validated embedding entry of the catalog (<c>Kind: embedding</c>).</summary>
/// <param name="Name">The catalog name, which <c>Switchyard:Cache:Embedder</c> refers to.</param>
/// <param name="Provider">The provider that serves it: one of the OpenAI-protocol providers.</param>
/// <param name="Deployment">The provider's name for the model.</param>
/// <param name="InputPerMillion">USD per 1M input tokens.</param>
/// <param name="Dimensions">The dimensions asked for, or null for the model's own.</param>
/// <param name="SimilarityThreshold">The least cosine similarity of a semantic hit with this embedder.</param>
/// <param name="Options">The options it was built from (holds the endpoint and key).</param>
public sealed record EmbeddingDeployment(
    string Name,
    string Provider,
    string Deployment,
    decimal InputPerMillion,
    int? Dimensions,
    float SimilarityThreshold,
    ModelDeploymentOptions Options)
{
    /// <summary>The cost of embedding <paramref name="inputTokens"/> tokens, exactly.</summary>
    public decimal CostOf(long inputTokens) => inputTokens * InputPerMillion / 1_000_000m;

    /// <summary>The name only: a deployment's options carry a key that must never reach a log.</summary>
    public override string ToString() => Name;

    /// <summary>
    /// Validates the embedding entry <paramref name="name"/>; returns it, or null after adding what is
    /// wrong (with its configuration path) to <paramref name="errors"/>.
    /// </summary>
    public static EmbeddingDeployment? Create(string name, ModelDeploymentOptions model, List<string> errors)
    {
        var path = $"Switchyard:Models:{name}";
        var count = errors.Count;
        if (model.Provider is not (OpenAIProviders.OpenAI or OpenAIProviders.OpenAICompatible or OpenAIProviders.AzureOpenAI))
        {
            errors.Add($"{path}:Provider '{model.Provider}' cannot embed: an embedding model needs openai, openai-compatible or azure-openai.");
        }
        else if (OpenAIProviders.ConfigurationError(model) is { } providerError)
        {
            errors.Add($"{path}:{providerError}");
        }

        if (model.InputPerMillion is not { } input || input < 0)
        {
            errors.Add($"{path}:InputPerMillion is required for an embedding model (USD per 1M input tokens, not negative). Unpriced models are refused.");
        }

        if (model.SimilarityThreshold is not (> 0f and <= 1f))
        {
            errors.Add($"{path}:SimilarityThreshold is required for an embedding model, in (0, 1]: each embedder needs its own threshold (calibrate it with 'switchyard eval cache').");
        }

        if (model.Dimensions is < 1)
        {
            errors.Add($"{path}:Dimensions must be positive when set.");
        }

        return errors.Count > count
            ? null
            : new EmbeddingDeployment(name, model.Provider, model.Deployment ?? name, model.InputPerMillion!.Value, model.Dimensions, model.SimilarityThreshold!.Value, model);
    }

    /// <summary>
    /// The embedding entries of <paramref name="options"/>; throws <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>
    /// naming every setting that is wrong.
    /// </summary>
    public static IReadOnlyList<EmbeddingDeployment> AllOf(ModelCatalogOptions options)
    {
        var errors = new List<string>();
        var embedders = options.Models
            .Where(m => m.Value.Kind == ModelKind.Embedding)
            .Select(m => Create(m.Key, m.Value, errors))
            .OfType<EmbeddingDeployment>()
            .ToList();
        return errors.Count == 0
            ? embedders
            : throw new Microsoft.Extensions.Options.OptionsValidationException(nameof(ModelCatalogOptions), typeof(ModelCatalogOptions), errors);
    }
}
