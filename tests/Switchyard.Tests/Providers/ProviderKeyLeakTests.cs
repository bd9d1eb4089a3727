using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Providers;

/// <summary>A provider whose error message quotes the request's key: the key must appear nowhere Switchyard writes.</summary>
public sealed class ProviderKeyLeakTests : IAsyncLifetime
{
    private const string UpstreamKey = "sk-chat-upstream-secret-42";
    private readonly string _dataDirectory = TestSettings.NewDataDirectory();
    private readonly CapturedLogs _logs = new();
    private FakeOpenAIUpstream _upstream = null!;
    private SiloHost _host = null!;

    public async Task InitializeAsync()
    {
        _upstream = await FakeOpenAIUpstream.StartAsync();
        var settings = new Dictionary<string, string?>();
        foreach (var (name, tier) in new[] { ("leaky-cheap", "cheap"), ("leaky-mid", "mid"), ("leaky-frontier", "frontier") })
        {
            var prefix = $"Switchyard:Models:{name}:";
            settings[prefix + "Provider"] = "openai-compatible";
            settings[prefix + "Endpoint"] = _upstream.BaseAddress.ToString();
            settings[prefix + "ApiKey"] = UpstreamKey;
            settings[prefix + "Tier"] = tier;
            settings[prefix + "InputPerMillion"] = "1";
            settings[prefix + "OutputPerMillion"] = "2";
            settings[prefix + "Resilience:MaxRetries"] = "0";
        }

        settings["Switchyard:Cache:Enabled"] = "false";
        _host = await SiloHost.StartAsync(_dataDirectory, settings, simulatedModels: false, configure: b => b.Logging.AddProvider(_logs));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _upstream.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AProviderErrorThatQuotesTheKey_NeverPutsItInLogsOrTheAnswer(bool stream)
    {
        _upstream.FailAlways("leaky-cheap", UpstreamFault.EchoingServerError);
        _upstream.FailAlways("leaky-mid", UpstreamFault.EchoingServerError);
        _upstream.FailAlways("leaky-frontier", UpstreamFault.EchoingServerError);
        var body = JsonSerializer.Serialize(new { model = "auto", stream, messages = new[] { new { role = "user", content = $"hello {Guid.NewGuid()}" } } });

        using var response = await _host.Http.SendAsync(_host.Post("/v1/chat/completions", body));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.True(_upstream.Calls("leaky-mid") >= 1, "the provider was called and failed");
        Assert.Contains(_logs.Lines, l => l.Contains("Model leaky-mid failed", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(UpstreamKey, StringComparison.Ordinal));
        Assert.DoesNotContain(UpstreamKey, text, StringComparison.Ordinal);
    }
}
