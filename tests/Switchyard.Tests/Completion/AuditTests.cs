using System.Globalization;
using System.Text.Json;
using Switchyard.Silo.Http;
using Switchyard.Tests.Infrastructure;
using Switchyard.Tests.Ledger;

namespace Switchyard.Tests.Completion;

/// <summary>
/// Every accepted cheap answer is audited by the strongest tier (audit rate 1), in a host of its own
/// that routes each tenant by its own router (per tenant on).
/// </summary>
public sealed class AuditTests : IAsyncLifetime
{
    private const int Requests = 12;

    private readonly string _dataDirectory = TestSettings.NewDataDirectory();
    private SiloHost _host = null!;

    public async Task InitializeAsync() => _host = await SiloHost.StartAsync(_dataDirectory, new Dictionary<string, string?>
    {
        ["Switchyard:Routing:AuditRate"] = "1",
        ["Switchyard:Routing:OutcomeFlushInterval"] = "00:00:00.050",
        ["Switchyard:Routing:PerTenant"] = "true",
    });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private async Task<JsonElement> RouterAsync(string taskType) =>
        JsonDocument.Parse(await (await _host.Http.SendAsync(_host.Get($"/admin/routers/{taskType}", TestSettings.AdminKey))).Content.ReadAsStringAsync()).RootElement;

    private static long Labels(JsonElement router, string tier, string label) => router.GetProperty("learning").EnumerateArray()
        .Where(t => t.GetProperty("tier").GetString() == tier)
        .SelectMany(t => t.GetProperty("bands").EnumerateArray())
        .Sum(b => b.GetProperty(label).GetInt64());

    [Fact]
    public async Task Audit_LabelsAcceptedCheapAnswersOffThePath_ForTheTenantsRouterAndTheTaskTypes_AndIsNotChargedToTheTenant()
    {
        const string taskType = "audited";
        await _host.PinRouterAsync(taskType, "cheap");

        var charged = 0m;
        for (var i = 0; i < Requests; i++)
        {
            var response = await _host.AskAsync(taskType, $"audit {i} {Guid.NewGuid()}");
            Assert.Equal("sim-cheap", response.Headers.GetValues(ChatCompletionsEndpoint.ModelHeader).Single());
            charged += decimal.Parse(response.Headers.GetValues(ChatCompletionsEndpoint.CostHeader).Single(), CultureInfo.InvariantCulture);
        }

        // Audits run after the responses and their labels reach the router with the next flush: wait for them.
        var router = await RouterAsync(taskType);
        for (var poll = 0; poll < 400 && Labels(router, "cheap", "wrong") + Labels(router, "cheap", "right") < Requests; poll++)
        {
            await Task.Delay(25);
            router = await RouterAsync(taskType);
        }

        // The simulated models never word an answer alike, so the frontier auditor disagrees every time.
        Assert.Equal(Requests, Labels(router, "cheap", "wrong"));
        Assert.Equal(0, Labels(router, "cheap", "right"));
        Assert.Equal(0, Labels(router, "frontier", "wrong") + Labels(router, "frontier", "right"));
        var own = await RouterAsync($"{taskType}?tenant=alpha");
        Assert.True(Labels(own, "cheap", "wrong") >= Requests, "the tenant's router learned the audits too (its statistics include the task type's as a prior)");
        Assert.Equal(0, Labels(own, "cheap", "right"));
        var usage = JsonDocument.Parse(await (await _host.Http.SendAsync(_host.Get("/v1/usage"))).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(charged, usage.GetProperty("spent_usd").GetDecimal());

        // The ledger has every audit call, as Switchyard's spend beside the tenant's, not in it.
        var report = await LedgerScenario.ReportAsync(_host, "alpha");
        for (var poll = 0; poll < 200 && AuditCalls(report) < Requests; poll++)
        {
            await Task.Delay(25);
            report = await LedgerScenario.ReportAsync(_host, "alpha");
        }

        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        var auditor = rows.Single(r => r.GetProperty("audit_calls").GetInt64() > 0);
        Assert.Equal("sim-frontier", auditor.GetProperty("model").GetString());
        Assert.Equal(Requests, auditor.GetProperty("audit_calls").GetInt64());
        Assert.Equal(0, auditor.GetProperty("calls").GetInt64());
        Assert.Equal(0m, auditor.GetProperty("cost_usd").GetDecimal());
        Assert.True(auditor.GetProperty("audit_usd").GetDecimal() > 0m);
        Assert.Equal(auditor.GetProperty("audit_usd").GetDecimal(), report.GetProperty("audit_usd").GetDecimal());
        Assert.Equal(charged, report.GetProperty("total_usd").GetDecimal());
    }

    private static long AuditCalls(JsonElement report) =>
        report.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("audit_calls").GetInt64());
}
