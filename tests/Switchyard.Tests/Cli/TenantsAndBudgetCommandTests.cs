using Switchyard.Cli;
using Switchyard.Tests.Client;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Cli;

[Collection(SiloHostCollection.Name)]
public sealed class TenantsAndBudgetCommandTests(SiloHostFixture fixture)
{
    private async Task<(int ExitCode, TestConsole Console)> RunAsync(params string[] args)
    {
        var console = new TestConsole(new FakeClusterConnector(new FakeSwitchyardClient()));
        var exitCode = await SwitchyardCommandLine.Create(console.Environment)
            .Parse([.. args, "--url", fixture.Host.Address.ToString(), "--admin-key", TestSettings.AdminKey])
            .InvokeAsync();
        return (exitCode, console);
    }

    [Fact]
    public async Task TenantsSet_ThenBudgetShow_CreatesTheTenantAndShowsItsCap()
    {
        var tenant = "cli-" + Guid.NewGuid().ToString("N")[..8];

        var (setExit, set) = await RunAsync("tenants", "set", tenant, "--key", "sk-cli-" + Guid.NewGuid().ToString("N"), "--monthly-usd", "12.5", "--daily-usd", "2");
        var (showExit, show) = await RunAsync("budget", "show", tenant);

        Assert.Equal(ExitCodes.Success, setExit);
        Assert.Contains($"Tenant '{tenant}' created.", set.Output);
        Assert.Equal(ExitCodes.Success, showExit);
        Assert.Contains("spent:     $0 of $12.5", show.Output);
        Assert.Contains("alerts:    none", show.Output);
    }

    [Fact]
    public async Task TenantsSet_WithAShortKey_FailsWithTheServersMessage()
    {
        var (exitCode, console) = await RunAsync("tenants", "set", "cli-bad", "--key", "short", "--monthly-usd", "1");

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("error: 400", console.Error);
        Assert.Contains("api_keys[0]", console.Error);
    }

    [Fact]
    public async Task BudgetShow_OfAnUnknownTenant_FailsWith404()
    {
        var (exitCode, console) = await RunAsync("budget", "show", "nobody-" + Guid.NewGuid().ToString("N")[..6]);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("error: 404", console.Error);
    }

    [Fact]
    public async Task BudgetShow_WhenTheSiloIsUnreachable_FailsWithAClearMessage()
    {
        var console = new TestConsole(new FakeClusterConnector(new FakeSwitchyardClient()));
        var exitCode = await SwitchyardCommandLine.Create(console.Environment)
            .Parse(["budget", "show", "demo", "--url", $"http://127.0.0.1:{FreePort.Next()}", "--admin-key", TestSettings.AdminKey])
            .InvokeAsync();

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("error: cannot reach the silo", console.Error);
    }
    [Fact]
    public async Task ReportDaily_ShowsEachModelsCostAndTheTotalOfTheTenantsSpend()
    {
        var (tenant, key) = await Ledger.LedgerScenario.CreateTenantAsync(fixture.Host);
        var charged = await Ledger.LedgerScenario.SendAsync(fixture.Host, key, requests: 3);

        var (tableExit, table) = await RunAsync("report", "daily", "--tenant", tenant);
        var (jsonExit, json) = await RunAsync("report", "daily", "--tenant", tenant, "--date", DateTime.UtcNow.ToString("yyyy-MM-dd"), "--output", "json");

        Assert.Equal(ExitCodes.Success, tableExit);
        Assert.Contains("sim-", table.Output);
        Assert.Contains("total", table.Output);
        Assert.Equal(ExitCodes.Success, jsonExit);
        using var report = System.Text.Json.JsonDocument.Parse(json.Output);
        Assert.Equal(charged, report.RootElement.GetProperty("total_usd").GetDecimal());
    }

    [Fact]
    public async Task ReportDaily_WithABadDate_FailsWithTheServersMessage()
    {
        var (exitCode, console) = await RunAsync("report", "daily", "--date", "yesterday");

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("error: 400", console.Error);
        Assert.Contains("YYYY-MM-DD", console.Error);
    }
}
