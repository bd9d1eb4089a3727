using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchyard.Budget;
using Switchyard.Caching;
using Switchyard.Completion;
using Switchyard.Caching.Embeddings;
using Switchyard.Feedback;
using Switchyard.Ledger;
using Switchyard.Models;
using Switchyard.Providers;
using Switchyard.Replay;
using Switchyard.Routing;
using Switchyard.Telemetry;
using Switchyard.Tenants;

namespace Switchyard.Hosting;

/// <summary>Registers what the grains need: options, the model catalog, providers and tokenizer.</summary>
public static class SwitchyardGrainsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grains' services, bound from <paramref name="configuration"/>. The model catalog is
    /// validated when the host starts: a model without prices stops the start with a clear message.
    /// </summary>
    public static IServiceCollection AddSwitchyardGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ModelCatalogOptions>().Bind(configuration.GetSection(ModelCatalogOptions.SectionName));
        services.AddOptions<TenantsOptions>().Bind(configuration.GetSection("Switchyard"));
        services.AddOptions<BudgetOptions>().Bind(configuration.GetSection(BudgetOptions.SectionName));
        services.AddOptions<RoutingOptions>().Bind(configuration.GetSection(RoutingOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RoutingOptions>, RoutingOptionsValidator>());
        services.AddOptions<FeedbackOptions>().Bind(configuration.GetSection(FeedbackOptions.SectionName));
        services.AddOptions<LedgerOptions>().Bind(configuration.GetSection(LedgerOptions.SectionName))
            .Validate(o => o.BatchSize >= 1, "Switchyard:Ledger:BatchSize must be at least 1.")
            .Validate(o => o.BufferCapacity >= o.BatchSize, "Switchyard:Ledger:BufferCapacity must be at least Switchyard:Ledger:BatchSize.")
            .Validate(o => o.FlushInterval > TimeSpan.Zero && o.MaxRetryDelay > TimeSpan.Zero, "Switchyard:Ledger:FlushInterval and MaxRetryDelay must be positive.")
            .ValidateOnStart();
        services.AddOptions<ReplayOptions>().Bind(configuration.GetSection(ReplayOptions.SectionName));
        services.AddOptions<CacheOptions>().Bind(configuration.GetSection(CacheOptions.SectionName))
            .Validate(o => o.ShardsPerTenant is >= 1 and <= 1024, "Switchyard:Cache:ShardsPerTenant must be between 1 and 1024.")
            .Validate(o => o.MaxBytesPerShard > 0, "Switchyard:Cache:MaxBytesPerShard must be positive.")
            .Validate(o => o.SnapshotInterval > TimeSpan.Zero, "Switchyard:Cache:SnapshotInterval must be positive.")
            .Validate<EmbeddingGeneratorRegistry>((o, registry) => registry.TryGet(o.Embedder, out _), "Switchyard:Cache:Embedder names an embedder that is not registered: use 'hashing' or the name of a catalog entry with Kind 'embedding'.")
            .Validate<EmbeddingGeneratorRegistry>((o, registry) => o.SimilarityThreshold is not null || registry.ThresholdOf(o.Embedder) is not null, "Switchyard:Cache:SimilarityThreshold is required: the embedder has no calibrated threshold of its own.")
            .Validate(o => o.SimilarityThreshold is null or (> 0f and <= 1f) && o.TaskTypes.Values.All(t => t.SimilarityThreshold is null or (> 0f and <= 1f)), "Switchyard:Cache:SimilarityThreshold (and each task type's) must be in (0, 1].")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TokenCounter>();
        services.AddSingleton<ModelCatalog>();
        services.AddSingleton<ChatClientRegistry>();
        services.AddSingleton(CreateEmbedders);
        services.AddSingleton<CompletionCache>();
        services.AddSingleton<CompletionPipeline>();
        services.AddSingleton<ReplayLibrary>();
        services.AddSingleton<RouterOutcomeAggregator>();
        services.AddSingleton<CompletionLengthEstimator>();
        // The silo host replaces the store with files or PostgreSQL; memory is for in-process evaluation.
        services.TryAddSingleton<ILedgerStore, InMemoryLedgerStore>();
        services.AddSingleton<CallLedger>();
        services.AddHostedService(services => services.GetRequiredService<CallLedger>());
        services.AddHostedService<RouterOutcomeFlusher>();
        services.AddHostedService<CatalogValidationService>();
        services.AddSingleton<TenantDirectory>();
        services.AddHostedService<TenantDirectoryRefresher>();
        return services;
    }

    // The local embedder, plus one provider embedder per embedding model of the catalog. Built from the
    // catalog's options rather than the catalog, so the cache does not need a valid chat catalog to start.
    private static EmbeddingGeneratorRegistry CreateEmbedders(IServiceProvider services)
    {
        var registry = new EmbeddingGeneratorRegistry();
        var time = services.GetRequiredService<TimeProvider>();
        var tokens = services.GetRequiredService<TokenCounter>();
        var loggers = services.GetService<ILoggerFactory>();
        foreach (var deployment in EmbeddingDeployment.AllOf(services.GetRequiredService<IOptions<ModelCatalogOptions>>().Value))
        {
            var generator = new EmbeddingGeneratorBuilder<string, Embedding<float>>(
                    new MeteredEmbeddingGenerator(OpenAIProviders.CreateEmbeddingGenerator(deployment, time), deployment, tokens))
                .UseOpenTelemetry(loggers, SwitchyardTelemetry.ProviderSourceName, otel => otel.EnableSensitiveData = false)
                .Build(services);
            registry.Add(deployment.Name, generator, deployment.SimilarityThreshold);
        }

        return registry;
    }
}
