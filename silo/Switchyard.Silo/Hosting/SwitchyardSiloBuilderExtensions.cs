using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Storage;
using StackExchange.Redis;
using Switchyard.Budget;
using Switchyard.Caching;
using Switchyard.Hosting;
using Switchyard.Ledger;
using Switchyard.Silo.Http.Admin;
using Switchyard.Silo.Ledger;
using Switchyard.Silo.Storage;

namespace Switchyard.Silo.Hosting;

/// <summary>Adds Switchyard's grains and their storage to any silo (the web host's, or a test cluster's).</summary>
public static class SwitchyardSiloBuilderExtensions
{
    /// <summary>
    /// Adds the grains' services and their grain storage: files under <c>Switchyard:DataDirectory</c>, or
    /// Redis at <c>Switchyard:Cluster:Redis</c>, as <c>Switchyard:Storage:Provider</c> says.
    /// </summary>
    public static ISiloBuilder AddSwitchyard(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = configuration.GetSection(SiloOptions.SectionName).Get<SiloOptions>() ?? new SiloOptions();
        if (!AspireOrleansConfiguration.IsPresent(configuration))
        {
            options.Validate();
        }

        silo.Services.AddSwitchyardGrains(configuration);
        silo.Services.AddHttpClient(WebhookAlertSink.ClientName);
        silo.Services.AddSingleton<IBudgetAlertSink, WebhookAlertSink>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        // Budgets keep a journal of their own (group commit); it lives where the other grain state does,
        // so that in a cluster a tenant's budget can be activated on any silo and find its money.
        if (AspireOrleansConfiguration.ConfiguresStorage(configuration, SwitchyardStorage.Name))
        {
            // Aspire's Orleans integration named this store's provider; Orleans builds it from configuration.
            var key = configuration[$"Orleans:GrainStorage:{SwitchyardStorage.Name}:ServiceKey"]!;
            var prefix = configuration["Orleans:ServiceId"] ?? options.Cluster.ServiceId;
            silo.Services.AddSingleton<IBudgetStore>(services => new RedisBudgetStore(services.GetRequiredKeyedService<IConnectionMultiplexer>(key), prefix));
        }
        else if (options.EffectiveStorageProvider.Equals(StorageProviders.Redis, StringComparison.OrdinalIgnoreCase))
        {
            // Acknowledged spend is as durable as Redis makes it: run Redis with appendonly yes and appendfsync always.
            var redis = ConfigurationOptions.Parse(options.Cluster.Redis!);
            silo.AddRedisGrainStorage(SwitchyardStorage.Name, storage => storage.ConfigurationOptions = redis);
            silo.Services.AddSingleton<IBudgetStore>(_ => new RedisBudgetStore(ConnectionMultiplexer.Connect(redis.Clone()), options.Cluster.ServiceId));
        }
        else
        {
            var root = Path.GetFullPath(options.DataDirectory);
            silo.Services.AddKeyedSingleton<IGrainStorage>(SwitchyardStorage.Name, (services, _) => new FileGrainStorage(
                SwitchyardStorage.Name,
                new FileGrainStorageOptions { RootDirectory = root },
                services.GetRequiredService<IGrainStorageSerializer>()));
            var budget = configuration.GetSection(BudgetOptions.SectionName).Get<BudgetOptions>() ?? new BudgetOptions();
            silo.Services.AddSingleton<IBudgetStore>(services => new FileBudgetStore(
                root, budget.Durability, budget.DeviceFlushInterval, services.GetRequiredService<ILogger<FileBudgetStore>>()));
        }

        // The ledger: the api_calls table in PostgreSQL when a connection string is configured, else JSON
        // lines under the data directory.
        var ledger = configuration.GetSection(LedgerOptions.SectionName).Get<LedgerOptions>() ?? new LedgerOptions();
        if (!string.IsNullOrWhiteSpace(ledger.PostgreSQL))
        {
            silo.Services.AddSingleton<ILedgerStore>(_ => new PostgresLedgerStore(ledger.PostgreSQL));
        }
        else
        {
            var root = Path.GetFullPath(options.DataDirectory);
            silo.Services.AddSingleton<ILedgerStore>(services => new FileLedgerStore(root, services.GetRequiredService<ILogger<FileLedgerStore>>()));
        }

        silo.Services.PostConfigure<CacheOptions>(o => o.SnapshotDirectory ??= Path.Combine(Path.GetFullPath(options.DataDirectory), "cache"));
        return silo;
    }
}
