using System.Buffers.Binary;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchyard.Caching.Embeddings;
using Switchyard.Completion;
using Switchyard.Providers;

namespace Switchyard.Caching;

/// <summary>
/// The request path's view of a tenant's cache: an exact lookup in the one shard the key hashes to,
/// then a semantic lookup fanned out to all the tenant's shards in parallel, keeping the most similar
/// hit at or above the task type's threshold; on a miss, the answer is stored with both keys. With an
/// in-process embedder the embedding costs microseconds, so it is made first and the exact key rides
/// along with the fan-out to its shard: one round trip instead of two.
/// </summary>
public sealed partial class CompletionCache
{
    private readonly IGrainFactory _grains;
    private readonly IOptions<CacheOptions> _options;
    private readonly ILogger<CompletionCache> _logger;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embedder;
    private readonly float _embedderThreshold;
    private readonly ulong _embedderFingerprint;
    private readonly bool _embedsInProcess;

    /// <summary>A cache that embeds with the registry's embedder named in <see cref="CacheOptions.Embedder"/>.</summary>
    public CompletionCache(IGrainFactory grains, IOptions<CacheOptions> options, EmbeddingGeneratorRegistry embedders, ILogger<CompletionCache> logger)
    {
        _grains = grains;
        _options = options;
        _logger = logger;
        var name = options.Value.Embedder;
        _embedder = embedders.TryGet(name, out var embedder)
            ? embedder
            : throw new InvalidOperationException($"{CacheOptions.SectionName}:Embedder names '{name}', which is not registered (registered: {string.Join(", ", embedders.Names)}).");
        _embedderThreshold = embedders.ThresholdOf(name) ?? options.Value.SimilarityThreshold
            ?? throw new InvalidOperationException($"{CacheOptions.SectionName}:SimilarityThreshold is required for the embedder '{name}'.");
        _embedderFingerprint = Fingerprint(name, embedder.GetService<EmbeddingGeneratorMetadata>());
        _embedsInProcess = embedder.GetService<HashingEmbeddingGenerator>() is not null;
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
        var shard = Shard(request.TenantId, key.ShardIndex);
        if (mode != CacheMode.ExactAndSemantic)
        {
            return await shard.Get(key.Hash) is { } exactOnly
                ? new CacheLookup(mode, key, 0, null, exactOnly, CacheResult.HitExact)
                : new CacheLookup(mode, key, 0, null, null, CacheResult.Miss);
        }

        // A provider embedder is a network call, which an exact hit should not pay for: ask the exact key first.
        if (!_embedsInProcess && await shard.Get(key.Hash) is { } exactFirst)
        {
            return new CacheLookup(mode, key, 0, null, exactFirst, CacheResult.HitExact);
        }

        var (context, query) = await SemanticQueryAsync(request, options, cancellationToken);
        if (query is null)
        {
            // The embedder failed: the exact key is all there is to ask, if it was not asked already.
            return _embedsInProcess && await shard.Get(key.Hash) is { } exactOnly
                ? new CacheLookup(mode, key, 0, null, exactOnly, CacheResult.HitExact)
                : new CacheLookup(mode, key, context, null, null, CacheResult.Miss);
        }

        // The shard the exact key picked is asked for it with the semantic query, unless it was asked already.
        var exactKey = _embedsInProcess ? key.Hash : null;
        var answers = await Task.WhenAll(Enumerable.Range(0, options.ShardsPerTenant)
            .Select(i => Shard(request.TenantId, i).Lookup(i == key.ShardIndex ? exactKey : null, query)));
        if (answers[key.ShardIndex] is { IsExact: true } exact)
        {
            return new CacheLookup(mode, key, 0, null, exact.Completion, CacheResult.HitExact);
        }

        var best = answers.OfType<CacheShardHit>().MaxBy(h => h.Similarity);
        return best is null
            ? new CacheLookup(mode, key, context, query.Embedding, null, CacheResult.Miss)
            : new CacheLookup(mode, key, context, query.Embedding, best.Completion, CacheResult.HitSemantic);
    }

    /// <summary>
    /// The semantic query for <paramref name="request"/>: its context and unit-length embedding, or a null
    /// query when the embedder failed (logged; the lookup then falls back to the exact key alone).
    /// </summary>
    private async Task<(ulong Context, SemanticCacheQuery? Query)> SemanticQueryAsync(CompletionRequest request, CacheOptions options, CancellationToken cancellationToken)
    {
        var semantic = SemanticKey.For(request);

        // Vectors of different embedders are not comparable even at equal length: the embedder is part of
        // the context, so entries embedded by another one (restored from a snapshot, say) never match.
        var context = semantic.Context ^ _embedderFingerprint;
        ReadOnlyMemory<float> vector;
        try
        {
            vector = await _embedder.GenerateVectorAsync(semantic.Text, cancellationToken: cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A failing embedder costs the semantic lookup, never the request: the answer is still stored
            // under its exact key. Only the error's type and status are logged — a provider's error text
            // may echo what it was sent (provider embedders already throw a ProviderCallException without it).
            var (errorType, status) = exception is ProviderCallException provider ? (provider.ErrorType, provider.Status) : (exception.GetType().Name, 0);
            LogEmbeddingFailed(_logger, _options.Value.Embedder, errorType, status);
            return (context, null);
        }

        return (context, new SemanticCacheQuery(context, UnitLength(vector), options.ThresholdFor(request.TaskType, _embedderThreshold)));
    }

    /// <summary>
    /// <paramref name="vector"/> at unit length, as the shards compare by dot product. Provider embedders need not
    /// return unit vectors; those are divided by their length into a new array. A unit vector in an array of its
    /// own (the local embedder's) is used as it is, never written to.
    /// </summary>
    internal static float[] UnitLength(ReadOnlyMemory<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector.Span);
        if (Math.Abs(norm - 1f) <= 1e-5f && MemoryMarshal.TryGetArray(vector, out var whole) && whole is { Offset: 0, Array: { } array } && array.Length == whole.Count)
        {
            return array;
        }

        var embedding = vector.ToArray();
        if (norm > 0f)
        {
            TensorPrimitives.Divide(embedding, norm, embedding);
        }

        return embedding;
    }

    /// <summary>
    /// Stores <paramref name="result"/>, the answer to a request whose lookup missed. The shard's write is
    /// one-way: the returned task completes once the write is sent, not when the shard has made it.
    /// </summary>
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
        _grains.Reference<ICacheShardGrain>(GrainKeys.CacheShard(tenantId, index));

    // Stable across processes (snapshots outlive them): the registered name, the model and its dimensions.
    private static ulong Fingerprint(string name, EmbeddingGeneratorMetadata? metadata)
    {
        var identity = $"{name.ToLowerInvariant()}|{metadata?.DefaultModelId}|{metadata?.DefaultModelDimensions}";
        return BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedder {Embedder} failed ({ErrorType}, status {Status}); the request is looked up by exact key only")]
    private static partial void LogEmbeddingFailed(ILogger logger, string embedder, string errorType, int status);
}
