using Microsoft.Extensions.AI;
using Switchyard.Models;
using Switchyard.Telemetry;

namespace Switchyard.Providers;

/// <summary>
/// Accounts what a provider embedder costs: the input tokens of every call (as the provider reports
/// them, or counted locally when it does not) at the catalog's input price, added up exactly and
/// recorded as <c>switchyard.cache.embedding.tokens</c> and <c>switchyard.cache.embedding.cost</c>.
/// It sits right above the provider, so it also turns a provider's failure into a
/// <see cref="ProviderCallException"/> before any logging or tracing layer sees it: the original
/// error's text can echo the request, its key included.
/// </summary>
public sealed class MeteredEmbeddingGenerator(
    IEmbeddingGenerator<string, Embedding<float>> inner, EmbeddingDeployment deployment, TokenCounter tokens)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    private readonly Lock _gate = new();
    private long _inputTokens;
    private decimal _costUsd;

    /// <summary>Input tokens embedded since the start.</summary>
    public long InputTokens
    {
        get
        {
            lock (_gate)
            {
                return _inputTokens;
            }
        }
    }

    /// <summary>What the calls since the start cost, in USD at the catalog price.</summary>
    public decimal CostUsd
    {
        get
        {
            lock (_gate)
            {
                return _costUsd;
            }
        }
    }

    /// <inheritdoc />
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var inputs = values as IReadOnlyCollection<string> ?? values.ToList();
        GeneratedEmbeddings<Embedding<float>> embeddings;
        try
        {
            embeddings = await base.GenerateAsync(inputs, options, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw ProviderCallException.From(deployment.Name, exception);
        }

        var used = embeddings.Usage?.InputTokenCount ?? inputs.Sum(v => (long)tokens.Count(v));
        var cost = deployment.CostOf(used);
        lock (_gate)
        {
            _inputTokens += used;
            _costUsd += cost;
        }

        SwitchyardTelemetry.RecordEmbedding(deployment.Name, used, cost);
        return embeddings;
    }
}
