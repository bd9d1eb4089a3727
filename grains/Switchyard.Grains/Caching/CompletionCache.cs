using System.Collections.Concurrent;
using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Switchyard.Caching.Embeddings;
using Switchyard.Completion;

namespace Switchyard.Caching;

/// <summary>
/// The request path's view of a tenant's cache: an exact lookup in the one shard the key hashes to,
/// then a semantic lookup fanned out to all the tenant's shards in parallel, keeping the most similar
/// hit at or above the task type's threshold; on a miss, the answer is stored with both keys.
/// </summary>
public sealed class CompletionCache
{
    private readonly IGrainFactory _grains;
    private readonly IOptions<CacheOptions> _options;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embedder;

    // Resolving a grain reference reflects over the interface's attributes every time; a lookup
    // reaches every shard of the tenant, so the references are resolved once and kept.
    private readonly ConcurrentDictionary<(string TenantId, int Index), ICacheShardGrain> _shards = new();

    /// <summary>A cache that embeds with the registry's embedder named in <see cref="CacheOptions.Embedder"/>.</summary>
    public CompletionCache(IGrainFactory grains, IOptions<CacheOptions> options, EmbeddingGeneratorRegistry embedders)
    {
        _grains = grains;
        _options = options;
        _embedder = embedders.TryGet(options.Value.Embedder, out var embedder)
            ? embedder
            : throw new InvalidOperationException($"{CacheOptions.SectionName}:Embedder names '{options.Value.Embedder}', which is not registered (registered: {string.Join(", ", embedders.Names)}).");
    }

    /// <summary>Looks <paramref name="request"/> up by exact key, then by meaning, as its policy allows.</summary>
    public async Task<CacheLookup> LookupAsync(CompletionRequest request, CancellationToken cancellationToken = default)
    {
        var options = _options.Value;
        var mode = CacheAdmission.Decide(request, options);
        if (mode == CacheMode.None)
        {
            return CacheLookup.Bypass;
        }

        var key = CacheKey.For(request, options.ShardsPerTenant);
        if (await Shard(request.TenantId, key.ShardIndex).Get(key.Hash) is { } exact)
        {
            return new CacheLookup(mode, key, 0, null, exact, CacheResult.HitExact);
        }

        if (mode != CacheMode.ExactAndSemantic)
        {
            return new CacheLookup(mode, key, 0, null, null, CacheResult.Miss);
        }

        var semantic = SemanticKey.For(request);
        var embedding = (await _embedder.GenerateVectorAsync(semantic.Text, cancellationToken: cancellationToken)).ToArray();
        var norm = TensorPrimitives.Norm(embedding);
        if (norm > 0f)
        {
            // Provider embedders need not return unit vectors; the shards compare by dot product.
            TensorPrimitives.Divide(embedding, norm, embedding);
        }

        var query = new SemanticCacheQuery(semantic.Context, embedding, options.ThresholdFor(request.TaskType));
        var hits = await Task.WhenAll(Enumerable.Range(0, options.ShardsPerTenant).Select(i => Shard(request.TenantId, i).FindSimilar(query)));
        var best = hits.OfType<SemanticCacheHit>().MaxBy(h => h.Similarity);
        return best is null
            ? new CacheLookup(mode, key, semantic.Context, embedding, null, CacheResult.Miss)
            : new CacheLookup(mode, key, semantic.Context, embedding, best.Completion, CacheResult.HitSemantic);
    }

    /// <summary>Stores <paramref name="result"/>, the answer to a request whose lookup missed.</summary>
    public Task StoreAsync(CompletionRequest request, CacheLookup lookup, CompletionResult result)
    {
        if (lookup.Mode == CacheMode.None || lookup.Hit is not null)
        {
            return Task.CompletedTask;
        }

        var completion = new CachedCompletion(result.Content, result.Model, result.Tier, result.Usage, result.FinishReason, DateTimeOffset.UtcNow);
        var write = new CacheEntryWrite(
            lookup.Key.Hash, request.TaskType, completion, _options.Value.TimeToLiveFor(request.TaskType), lookup.Context, lookup.Embedding);
        return Shard(request.TenantId, lookup.Key.ShardIndex).Put(write);
    }

    /// <summary>Removes the tenant's entries, or those of <paramref name="taskType"/> only, from every shard; returns how many.</summary>
    public async Task<int> InvalidateAsync(string tenantId, string? taskType)
    {
        var removed = await Task.WhenAll(Enumerable.Range(0, _options.Value.ShardsPerTenant).Select(i => Shard(tenantId, i).Invalidate(taskType)));
        return removed.Sum();
    }

    /// <summary>The tenant's counters, summed over its shards.</summary>
    public async Task<CacheShardStatistics> StatisticsAsync(string tenantId)
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, _options.Value.ShardsPerTenant).Select(i => Shard(tenantId, i).GetStatistics()));
        return shards.Aggregate(new CacheShardStatistics(0, 0, 0, 0, 0), (sum, shard) => sum + shard);
    }

    private ICacheShardGrain Shard(string tenantId, int index) =>
        _shards.GetOrAdd((tenantId, index), static (key, grains) => grains.GetGrain<ICacheShardGrain>(GrainKeys.CacheShard(key.TenantId, key.Index)), _grains);
}
