using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Switchyard.ServiceDefaults;

/// <summary>
/// What every Switchyard process shares: OpenTelemetry (Orleans, ASP.NET Core, HTTP, runtime,
/// Microsoft.Extensions.AI and Switchyard's own sources and meters), health checks and HTTP resilience.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>The health check tag that marks checks run by the liveness probe.</summary>
    public const string LiveTag = "live";

    /// <summary>The ActivitySources and Meters exported: Orleans', Microsoft.Extensions.AI's and Switchyard's.</summary>
    public static IReadOnlyList<string> TelemetrySources { get; } =
        ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Microsoft.Orleans", "Experimental.Microsoft.Extensions.AI", "Switchyard", "Switchyard.*"];

    /// <summary>
    /// Turns tracing on (<c>true</c>) or off (<c>false</c>). Unset, traces are recorded only when there is
    /// somewhere to send them: when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c> is set.
    /// </summary>
    public const string TracingKey = "Switchyard:Telemetry:Tracing";

    /// <summary>
    /// Whether this process records traces (see <see cref="TracingKey"/>). Recording is not free: every
    /// request and every grain call it makes then carries and starts activities, which spans nobody
    /// exports would pay for with nothing to show.
    /// </summary>
    public static bool IsTracingEnabled(IConfiguration configuration) =>
        bool.TryParse(configuration[TracingKey], out var enabled)
            ? enabled
            : !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) || !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"]);

    /// <summary>Adds OpenTelemetry, default health checks and resilient HTTP clients.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        return builder;
    }

    /// <summary>
    /// Metrics and logs through OpenTelemetry, and traces when <see cref="IsTracingEnabled"/>; all exported
    /// over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Prompts and completions are never recorded.
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter([.. TelemetrySources]));
        if (IsTracingEnabled(builder.Configuration))
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource([.. TelemetrySources])
                .AddAspNetCoreInstrumentation(aspnet =>
                    aspnet.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation());
        }

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (readiness: every check) and <c>/alive</c> (liveness: only checks tagged
    /// <see cref="LiveTag"/>, so a storage outage never gets a healthy process restarted).
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
        return app;
    }

    private static bool IsProbe(string? path) =>
        path is not null && (path.StartsWith("/health", StringComparison.Ordinal) || path.StartsWith("/alive", StringComparison.Ordinal));
}
