using System.Globalization;
using System.Text.Json;
using Switchyard.Ledger;
using Switchyard.Silo.Http;
using Switchyard.Tests.Infrastructure;
using Switchyard.Tests.Ledger;
using Switchyard.Tests.Providers;

namespace Switchyard.Tests.Completion;

/// <summary>
/// Every accepted cheap answer is audited (audit rate 1) by a frontier model whose provider fails every
/// call: the tenant's answers and charges are untouched, and the ledger still has a row for each audit call.
/// </summary>
public sealed class FailedAuditTests : IAsyncLifetime
{
    private const int Requests = 6;
    private const string TaskType = "audited-failing";

    private readonly string _dataDirectory = TestSettings.NewDataDirectory();
    private FakeOpenAIUpstream _upstream = null!;
    private SiloHost _host = null!;

    public async Task InitializeAsync()
    {
        _upstream = await FakeOpenAIUpstream.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Switchyard:Routing:AuditRate"] = "1",
            ["Switchyard:Cache:Enabled"] = "false",
        };
        foreach (var (name, tier) in new[] { ("cheap", "cheap"), ("frontier", "frontier") })
        {
            var prefix = $"Switchyard:Models:{name}:";
            settings[prefix + "Provider"] = "openai-compatible";
            settings[prefix + "Endpoint"] = _upstream.BaseAddress.ToString();
            settings[prefix + "ApiKey"] = "sk-upstream-secret";
            settings[prefix + "Tier"] = tier;
            settings[prefix + "InputPerMillion"] = "1.00";
            settings[prefix + "OutputPerMillion"] = "4.00";
            settings[prefix + "Resilience:MaxRetries"] = "0";
        }

        _host = await SiloHost.StartAsync(_dataDirectory, settings, simulatedModels: false);
        _upstream.FailAlways("frontier", UpstreamFault.ServerError);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _upstream.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task FailedAudit_IsALedgerRowWithNoCost_AndLeavesTheTenantsChargesAlone()
    {
        await _host.PinRouterAsync(TaskType, "cheap");

        var charged = 0m;
        for (var i = 0; i < Requests; i++)
        {
            var response = await _host.AskAsync(TaskType, $"audit {i} {Guid.NewGuid()}");
            charged += decimal.Parse(response.Headers.GetValues(ChatCompletionsEndpoint.CostHeader).Single(), CultureInfo.InvariantCulture);
        }

        // Audits run after the responses; their rows reach the store with the ledger's next batch.
        var report = await LedgerScenario.ReportAsync(_host, "alpha");
        for (var poll = 0; poll < 400 && AuditCalls(report) < Requests; poll++)
        {
            await Task.Delay(25);
            report = await LedgerScenario.ReportAsync(_host, "alpha");
        }

        Assert.Equal(Requests, _upstream.Calls("frontier"));
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        var auditor = rows.Single(r => r.GetProperty("model").GetString() == "frontier");
        Assert.Equal(Requests, auditor.GetProperty("audit_calls").GetInt64());
        Assert.Equal(0m, auditor.GetProperty("audit_usd").GetDecimal());
        Assert.Equal(0, auditor.GetProperty("calls").GetInt64());
        Assert.Equal(0m, report.GetProperty("audit_usd").GetDecimal());
        Assert.Equal(Requests, rows.Single(r => r.GetProperty("model").GetString() == "cheap").GetProperty("calls").GetInt64());
        Assert.True(charged > 0m);
        Assert.Equal(charged, report.GetProperty("total_usd").GetDecimal());

        // In the stored rows, each failed audit is marked as such, under the request it audited.
        var stored = Directory.EnumerateFiles(Path.Combine(_dataDirectory, "ledger"), "*.jsonl", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
        var failedAudits = stored.Where(r => r.GetProperty("status").GetString() == ApiCall.AuditFailed).ToList();
        Assert.Equal(Requests, failedAudits.Count);
        Assert.All(failedAudits, r =>
        {
            Assert.Equal("frontier", r.GetProperty("model").GetString());
            Assert.Equal(0, r.GetProperty("prompt_tokens").GetInt32() + r.GetProperty("completion_tokens").GetInt32());
        });
        var served = stored.Where(r => r.GetProperty("status").GetString() == ApiCall.Ok).Select(r => r.GetProperty("request_id").GetString()).ToHashSet();
        Assert.Equal(Requests, served.Count);
        Assert.True(served.SetEquals(failedAudits.Select(r => r.GetProperty("request_id").GetString())), "each failed audit is filed under the request it audited");
    }

    private static long AuditCalls(JsonElement report) =>
        report.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("audit_calls").GetInt64());
}
