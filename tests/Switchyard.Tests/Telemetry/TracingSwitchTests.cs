using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Switchyard.ServiceDefaults;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Telemetry;

/// <summary>Traces are recorded only when they go somewhere: an OTLP endpoint, or the switch turned on.</summary>
public sealed class TracingSwitchTests
{
    [Theory]
    [InlineData(null, null, null, false)]
    [InlineData("http://127.0.0.1:4317", null, null, true)]
    [InlineData(null, "http://127.0.0.1:4318/v1/traces", null, true)]
    [InlineData("http://127.0.0.1:4317", null, "false", false)]
    [InlineData(null, null, "true", true)]
    [InlineData(null, null, "not-a-boolean", false)]
    public void IsTracingEnabled_FollowsTheEndpointUnlessTheSwitchSaysOtherwise(string? endpoint, string? tracesEndpoint, string? tracing, bool expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
            ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = tracesEndpoint,
            [ServiceDefaultsExtensions.TracingKey] = tracing,
        }).Build();

        Assert.Equal(expected, ServiceDefaultsExtensions.IsTracingEnabled(configuration));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ASilo_RegistersTracingAndGrainCallPropagation_OnlyWhenTracingIsOn(bool tracing)
    {
        var directory = TestSettings.NewDataDirectory();
        var overrides = new Dictionary<string, string?> { [ServiceDefaultsExtensions.TracingKey] = tracing ? "true" : null };
        await using (var host = await SiloHost.StartAsync(directory, overrides: overrides))
        {
            var propagation = host.Services.GetServices<IOutgoingGrainCallFilter>()
                .Concat<object>(host.Services.GetServices<IIncomingGrainCallFilter>())
                .Where(f => f.GetType().Name.StartsWith("ActivityPropagation", StringComparison.Ordinal))
                .ToList();
            Assert.Equal(tracing, host.Services.GetService<TracerProvider>() is not null);
            Assert.Equal(tracing ? 2 : 0, propagation.Count);

            // Either way the silo serves.
            var response = await host.Http.SendAsync(host.Post("/v1/chat/completions", """{"model": "sim-mid", "messages": [{"role": "user", "content": "Is tracing on?"}]}"""));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        Directory.Delete(directory, recursive: true);
    }
}
