using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Switchyard.Client;

/// <summary>Makes a host a Switchyard grain client.</summary>
public static class SwitchyardClientHostingExtensions
{
    /// <summary>
    /// Adds an Orleans client connected to the Switchyard cluster and registers <see cref="ISwitchyardClient"/>.
    /// Options are bound from <c>Switchyard:Client</c>, then <paramref name="configure"/> runs; invalid
    /// options fail here, naming the configuration path. The client connects when the host starts.
    /// </summary>
    public static IHostApplicationBuilder AddSwitchyardClient(this IHostApplicationBuilder builder, Action<SwitchyardClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // The clustering provider and gateway port shape the client builder itself, so the options
        // are read now rather than resolved lazily from the container.
        var options = new SwitchyardClientOptions();
        builder.Configuration.GetSection(SwitchyardClientOptions.SectionName).Bind(options);
        configure?.Invoke(options);
        var validation = new SwitchyardClientOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SwitchyardClientOptions), validation.Failures);
        }

        builder.UseOrleansClient(client =>
        {
            UseClustering(client, options);
            client.AddActivityPropagation();
        });
        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.AddSingleton<ISwitchyardClient, SwitchyardClient>();
        return builder;
    }

    /// <summary>The clustering providers this client supports, by their canonical names.</summary>
    internal static IReadOnlyList<string> SupportedProviders { get; } = [SwitchyardClientOptions.LocalhostProvider, SwitchyardClientOptions.RedisProvider];

    /// <summary>The canonical name of <paramref name="provider"/> (matched ignoring case), or null when it is not supported.</summary>
    internal static string? CanonicalProvider(string? provider) =>
        SupportedProviders.FirstOrDefault(p => string.Equals(p, provider, StringComparison.OrdinalIgnoreCase));

    // One case per clustering provider: a new one adds a constant, an entry in SupportedProviders and a case here.
    private static void UseClustering(IClientBuilder client, SwitchyardClientOptions options)
    {
        switch (CanonicalProvider(options.Provider))
        {
            case SwitchyardClientOptions.LocalhostProvider:
                client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
                break;
            case SwitchyardClientOptions.RedisProvider:
                client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, options.ServiceId));
                client.UseRedisClustering(redis => redis.ConfigurationOptions = ConfigurationOptions.Parse(options.Redis!));
                break;
            default:
                throw new InvalidOperationException($"{SwitchyardClientOptions.SectionName}:Provider '{options.Provider}' is not supported.");
        }
    }
}
