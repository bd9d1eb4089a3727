using System.Net;
using Orleans.Configuration;
using Orleans.Dashboard;
using StackExchange.Redis;
using Switchyard.ServiceDefaults;
using Switchyard.Silo.Http;
using Switchyard.Silo.Http.RateLimiting;

namespace Switchyard.Silo.Hosting;

/// <summary>Makes the web host an Orleans silo serving Switchyard's HTTP API.</summary>
public static class SiloHostingExtensions
{
    /// <summary>
    /// The silo: localhost clustering with state on local disk by default (the embedded default), or
    /// Redis clustering and storage (<c>Switchyard:Cluster:Provider</c> = <c>Redis</c>); in Kubernetes
    /// the pod's name and IP become the silo's identity and endpoints.
    /// </summary>
    public static WebApplicationBuilder AddSwitchyardSilo(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SiloOptions.SectionName).Get<SiloOptions>() ?? new SiloOptions();
        if (!AspireOrleansConfiguration.IsPresent(builder.Configuration))
        {
            options.Validate();
        }
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);

        builder.UseOrleans(silo =>
        {
            var cluster = options.Cluster;
            if (AspireOrleansConfiguration.IsPresent(builder.Configuration))
            {
                // Aspire's Orleans integration configured clustering, storage and endpoints in the
                // Orleans section; Orleans applies it. Only the Redis clients it names are ours to add.
                AspireOrleansConfiguration.AddRedisClients(builder.Services, builder.Configuration);
            }
            else if (cluster.Provider.Equals(ClusterProviders.Redis, StringComparison.OrdinalIgnoreCase))
            {
                silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
                silo.UseRedisClustering(redis => redis.ConfigurationOptions = ConfigurationOptions.Parse(cluster.Redis!));
                if (IsKubernetes)
                {
                    silo.UseKubernetesHosting();
                }
                else
                {
                    silo.ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedAddress), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
                }
            }
            else
            {
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
            }

            // Trace context flows across grain calls, so one trace follows a request from HTTP to the provider.
            if (ServiceDefaultsExtensions.IsTracingEnabled(builder.Configuration))
            {
                // Two filters on every grain call, each carrying the trace context: worth it only when the spans go somewhere.
                silo.AddActivityPropagation();
            }
            silo.AddSwitchyard(builder.Configuration);
            if (options.Dashboard)
            {
                silo.AddDashboard();
            }
        });

        builder.Services.AddSingleton<TenantKeyRing>();
        builder.Services.AddSingleton<TenantRateLimiter>();
        builder.Services.AddHostedService<StartupAnnouncer>();
        builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("orleans-silo");
        return builder;
    }

    private static bool IsKubernetes => Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST") is not null;
}
