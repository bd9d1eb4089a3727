using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Switchyard.ServiceDefaults;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Telemetry;

/// <summary>Spans and metrics of a real request, captured with OpenTelemetry's in-memory exporter.</summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private readonly string _dataDirectory = TestSettings.NewDataDirectory();
    private readonly List<Activity> _spans = [];
    private readonly List<Metric> _metrics = [];
    private SiloHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await SiloHost.StartAsync(_dataDirectory, overrides: new Dictionary<string, string?> { [ServiceDefaultsExtensions.TracingKey] = "true" }, configure: builder => builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddInMemoryExporter(_spans))
            .WithMetrics(metrics => metrics.AddInMemoryExporter(_metrics)));

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    /// <summary>Sends one request under a trace id of the test's own, so its spans can be told from those of tests running beside it.</summary>
    private async Task<(string Prompt, List<Activity> Trace)> CompleteAsync()
    {
        var prompt = $"Telemetry secret prompt {Guid.NewGuid()}";
        var request = _host.Post("/v1/chat/completions", $$"""{"model": "sim-mid", "messages": [{"role": "user", "content": "{{prompt}}"}]}""");
        ActivityTraceId traceId;
        using (var caller = new Activity("telemetry-test").SetIdFormat(ActivityIdFormat.W3C))
        {
            caller.ActivityTraceFlags = ActivityTraceFlags.Recorded;
            caller.Start();
            // The HTTP client propagates the caller's trace to the silo.
            traceId = caller.TraceId;
            var response = await _host.Http.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }

        _host.Services.GetRequiredService<MeterProvider>().ForceFlush();

        // The server span ends just after the response is sent; wait for it to be exported.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            _host.Services.GetRequiredService<TracerProvider>().ForceFlush();
            lock (_spans)
            {
                var trace = _spans.Where(s => s.TraceId == traceId).ToList();
                if (trace.Any(s => s.Kind == ActivityKind.Server) || DateTime.UtcNow > deadline)
                {
                    return (prompt, trace);
                }
            }

            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task OneTrace_FollowsTheRequestFromHttpThroughTheGrainsToTheProvider()
    {
        var (_, trace) = await CompleteAsync();

        Assert.Contains(trace, s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("chat/completions", StringComparison.Ordinal));
        var complete = Assert.Single(trace, s => s.OperationName == "switchyard.complete");
        var provider = Assert.Single(trace, s => s.Source.Name == "Switchyard.Providers");

        Assert.Equal("sim-mid", provider.GetTagItem("gen_ai.request.model"));
        Assert.True(Convert.ToInt64(provider.GetTagItem("gen_ai.usage.input_tokens"), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.True(Convert.ToInt64(provider.GetTagItem("gen_ai.usage.output_tokens"), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("miss", complete.GetTagItem("switchyard.cache"));
        Assert.Contains(trace, s => s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_IncludeTheGenAIConventionsAndSwitchyardsOwn_WithBoundedTagsOnly()
    {
        var (prompt, _) = await CompleteAsync();

        var names = _metrics.Select(m => m.Name).ToHashSet();
        Assert.Contains("gen_ai.client.token.usage", names);
        Assert.Contains("gen_ai.client.operation.duration", names);
        Assert.Contains("switchyard.requests", names);
        Assert.Contains("switchyard.cost", names);
        Assert.Contains("switchyard.budget.utilization", names);

        var tagValues = new List<string>();
        foreach (var metric in _metrics)
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                foreach (var tag in point.Tags)
                {
                    tagValues.Add(tag.Value?.ToString() ?? "");
                }
            }
        }

        Assert.DoesNotContain(tagValues, v => v.Contains("alpha", StringComparison.Ordinal) || v.Contains(prompt, StringComparison.Ordinal) || v.Contains(TestSettings.AlphaKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Spans_NeverCarryThePromptOrTheTenantKey()
    {
        var (prompt, trace) = await CompleteAsync();

        // Only this request's trace: the exporter also sees spans of tests running beside this one.
        Assert.True(trace.Count >= 3);
        var values = trace.SelectMany(s => s.TagObjects).Select(t => t.Value?.ToString() ?? "").ToList();
        Assert.DoesNotContain(values, v => v.Contains(prompt, StringComparison.Ordinal) || v.Contains(TestSettings.AlphaKey, StringComparison.Ordinal));
    }
}
