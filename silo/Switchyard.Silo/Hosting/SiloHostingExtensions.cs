using Switchyard.Silo.Http;
using Switchyard.Silo.Http.RateLimiting;

namespace Switchyard.Silo.Hosting;

/// <summary>Makes the web host an Orleans silo serving Switchyard's HTTP API.</summary>
public static class SiloHostingExtensions
{
    /// <summary>
    /// The embedded default: one silo with localhost clustering, grain state on local disk under
    /// <c>Switchyard:DataDirectory</c>, and the request size limit of <c>Switchyard:MaxRequestBodyBytes</c>.
    /// </summary>
    public static WebApplicationBuilder AddSwitchyardSilo(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Switchyard").Get<SiloOptions>() ?? new SiloOptions();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);

        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(options.Cluster.SiloPort, options.Cluster.GatewayPort)
            .AddSwitchyard(builder.Configuration, options.DataDirectory));

        builder.Services.AddSingleton<TenantKeyRing>();
        builder.Services.AddSingleton<TenantRateLimiter>();
        builder.Services.AddHostedService<StartupAnnouncer>();
        builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("orleans-silo");
        return builder;
    }
}
