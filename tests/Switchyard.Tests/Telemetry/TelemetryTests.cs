using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
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
        _host = await SiloHost.StartAsync(_dataDirectory, configure: builder => builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddInMemoryExporter(_spans))
            .WithMetrics(metrics => metrics.AddInMemoryExporter(_metrics)));

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private async Task<string> CompleteAsync()
    {
        var prompt = $"Telemetry secret prompt {Guid.NewGuid()}";
        var response = await _host.Http.SendAsync(_host.Post(
            "/v1/chat/completions", $$"""{"model": "sim-mid", "messages": [{"role": "user", "content": "{{prompt}}"}]}"""));
        response.EnsureSuccessStatusCode();
        _host.Services.GetRequiredService<TracerProvider>().ForceFlush();
        _host.Services.GetRequiredService<MeterProvider>().ForceFlush();
        return prompt;
    }

    [Fact]
    public async Task OneTrace_FollowsTheRequestFromHttpThroughTheGrainsToTheProvider()
    {
        await CompleteAsync();

        var server = _spans.Last(s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("chat/completions", StringComparison.Ordinal));
        var trace = _spans.Where(s => s.TraceId == server.TraceId).ToList();
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
        var prompt = await CompleteAsync();

        var names = _metrics.Select(m => m.Name).ToHashSet();
        Assert.Contains("gen_ai.client.token.usage", names);
        Assert.Contains("gen_ai.client.operation.duration", names);
        Assert.Contains("switchyard.requests", names);
        Assert.Contains("switchyard.cost", names);

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
        var prompt = await CompleteAsync();

        // Only this request's trace: the exporter also sees spans of tests running beside this one.
        var server = _spans.Last(s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("chat/completions", StringComparison.Ordinal));
        var trace = _spans.Where(s => s.TraceId == server.TraceId).ToList();
        Assert.True(trace.Count >= 3);
        var values = trace.SelectMany(s => s.TagObjects).Select(t => t.Value?.ToString() ?? "").ToList();
        Assert.DoesNotContain(values, v => v.Contains(prompt, StringComparison.Ordinal) || v.Contains(TestSettings.AlphaKey, StringComparison.Ordinal));
    }
}
