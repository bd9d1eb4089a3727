using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Storage;
using Switchyard.Budget;
using Switchyard.Hosting;
using Switchyard.Silo.Http.Admin;
using Switchyard.Silo.Storage;

namespace Switchyard.Silo.Hosting;

/// <summary>Adds Switchyard's grains and their storage to any silo (the web host's, or a test cluster's).</summary>
public static class SwitchyardSiloBuilderExtensions
{
    /// <summary>
    /// Adds the grains' services and keeps grain state in files under <paramref name="dataDirectory"/>.
    /// </summary>
    public static ISiloBuilder AddSwitchyard(this ISiloBuilder silo, IConfiguration configuration, string dataDirectory)
    {
        silo.Services.AddSwitchyardGrains(configuration);
        silo.Services.AddKeyedSingleton<IGrainStorage>(SwitchyardStorage.Name, (services, _) => new FileGrainStorage(
            SwitchyardStorage.Name,
            new FileGrainStorageOptions { RootDirectory = Path.GetFullPath(dataDirectory) },
            services.GetRequiredService<IGrainStorageSerializer>()));
        silo.Services.AddSingleton<IBudgetStore>(_ => new FileBudgetStore(dataDirectory));
        silo.Services.AddHttpClient(WebhookAlertSink.ClientName);
        silo.Services.AddSingleton<IBudgetAlertSink, WebhookAlertSink>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        return silo;
    }
}
