using System.Text.Json;
using Switchyard.Cli;
using Switchyard.Tests.Client;

namespace Switchyard.Tests.Cli;

public sealed class CostCommandTests
{
    private static (int ExitCode, TestConsole Console) Run(params string[] args)
    {
        var console = new TestConsole(new FakeClusterConnector(new FakeSwitchyardClient()));
        var exitCode = SwitchyardCommandLine.Create(console.Environment).Parse(args).Invoke();
        return (exitCode, console);
    }

    [Fact]
    public void Estimate_OneModel_PrintsTheMonthlyCostAtListPrices()
    {
        var (exitCode, console) = Run("cost", "estimate", "--model", "gpt-4o", "--requests", "1000000", "--prompt-tokens", "500", "--completion-tokens", "200");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("monthly cost:  $3,250.00", console.Output);
    }

    [Fact]
    public void Estimate_ACascade_PrintsItsCostAndTheSavingsOverTheStrongestModel()
    {
        var (exitCode, console) = Run(
            "cost", "estimate", "--cascade", "gpt-4o-mini,gpt-4o", "--cheap-success", "0.8",
            "--requests", "1000000", "--prompt-tokens", "500", "--completion-tokens", "200", "--output", "json");

        Assert.Equal(ExitCodes.Success, exitCode);
        var json = JsonDocument.Parse(console.Output).RootElement;
        Assert.Equal(845.00m, json.GetProperty("monthly_usd").GetDecimal());
        Assert.Equal(3250.00m, json.GetProperty("baseline_usd").GetDecimal());
        Assert.Equal(2405.00m, json.GetProperty("savings_usd").GetDecimal());
        Assert.Equal(74.0m, json.GetProperty("savings_percent").GetDecimal());
    }

    [Fact]
    public void Estimate_AnUnknownModel_FailsNamingTheKnownOnes()
    {
        var (exitCode, console) = Run("cost", "estimate", "--model", "gpt-9", "--requests", "10", "--prompt-tokens", "5", "--completion-tokens", "5");

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains("unknown model 'gpt-9'", console.Error);
        Assert.Contains("gpt-4o-mini", console.Error);
    }
}
