using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Storage;
using StackExchange.Redis;
using Switchyard.Caching;
using Switchyard.Hosting;
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
        silo.Services.TryAddSingleton(TimeProvider.System);
        if (AspireOrleansConfiguration.ConfiguresStorage(configuration, SwitchyardStorage.Name))
        {
            // Aspire's Orleans integration named this store's provider; Orleans builds it from configuration.
        }
        else if (options.EffectiveStorageProvider.Equals(StorageProviders.Redis, StringComparison.OrdinalIgnoreCase))
        {
            // Acknowledged spend is as durable as Redis makes it: run Redis with appendonly yes and appendfsync always.
            silo.AddRedisGrainStorage(SwitchyardStorage.Name, redis => redis.ConfigurationOptions = ConfigurationOptions.Parse(options.Cluster.Redis!));
        }
        else
        {
            var root = Path.GetFullPath(options.DataDirectory);
            silo.Services.AddKeyedSingleton<IGrainStorage>(SwitchyardStorage.Name, (services, _) => new FileGrainStorage(
                SwitchyardStorage.Name,
                new FileGrainStorageOptions { RootDirectory = root },
                services.GetRequiredService<IGrainStorageSerializer>()));
        }

        silo.Services.PostConfigure<CacheOptions>(o => o.SnapshotDirectory ??= Path.Combine(Path.GetFullPath(options.DataDirectory), "cache"));
        return silo;
    }
}
