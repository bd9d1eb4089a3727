using Switchyard.Providers;
using Switchyard.Routing;

namespace Switchyard.Models;

/// <summary>
/// One model deployment of the catalog, bound from <c>Switchyard:Models:&lt;name&gt;</c>.
/// </summary>
public sealed class ModelDeploymentOptions
{
    /// <summary>
    /// The provider that serves it: <c>simulated</c>, <c>openai</c>, <c>openai-compatible</c> (Ollama, vLLM,
    /// llama.cpp, LM Studio: set <see cref="Endpoint"/> to its <c>/v1</c> base URL) or <c>azure-openai</c>
    /// (set <see cref="Endpoint"/> to the resource URL). Default: <c>simulated</c>.
    /// </summary>
    public string Provider { get; set; } = SimulatedChatClient.ProviderName;

    /// <summary>
    /// <c>chat</c> for a model the router answers with, <c>embedding</c> for one the cache embeds with
    /// (<c>Switchyard:Cache:Embedder</c>). Default: <c>chat</c>.
    /// </summary>
    public ModelKind Kind { get; set; } = ModelKind.Chat;

    /// <summary>The provider's base address, when it has one. Default: none.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The provider's key. Never logged, traced or shown in an error. Default: none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The provider's own name for the model. Default: the catalog name.</summary>
    public string? Deployment { get; set; }

    /// <summary>The tier: <c>cheap</c>, <c>mid</c> or <c>frontier</c>. Required for a chat model.</summary>
    public ModelTier? Tier { get; set; }

    /// <summary>USD per 1M uncached input tokens. Required: a model without a price is refused.</summary>
    public decimal? InputPerMillion { get; set; }

    /// <summary>USD per 1M input tokens served from the provider's prompt cache. Default: the input price.</summary>
    public decimal? CachedInputPerMillion { get; set; }

    /// <summary>USD per 1M output tokens. Required for a chat model: a model without a price is refused.</summary>
    public decimal? OutputPerMillion { get; set; }

    /// <summary>
    /// An embedding model's output dimensions, sent as the request's <c>dimensions</c> (models such as
    /// text-embedding-3 can shorten their vectors). Default: none, the model's own.
    /// </summary>
    public int? Dimensions { get; set; }

    /// <summary>
    /// An embedding model's least cosine similarity for a semantic cache hit. Required for an embedding
    /// model: a threshold is only valid for the embedder it was calibrated on.
    /// </summary>
    public float? SimilarityThreshold { get; set; }

    /// <summary>The context window in tokens. Default: 128,000.</summary>
    public int ContextWindow { get; set; } = 128_000;

    /// <summary>Timeouts, retries and the circuit breaker of the HTTP providers.</summary>
    public ProviderResilienceOptions Resilience { get; set; } = new();

    /// <summary>How the <c>simulated</c> provider behaves for this model.</summary>
    public SimulationOptions Simulation { get; set; } = new();
}
