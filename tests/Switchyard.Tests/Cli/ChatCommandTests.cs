using System.Text.Json;
using Switchyard.Cli;
using Switchyard.Cli.Commands;
using Switchyard.Cli.Output;
using Switchyard.Client;
using Switchyard.Completion;
using Switchyard.Tests.Client;

namespace Switchyard.Tests.Cli;

public sealed class ChatCommandTests
{
    private static readonly SwitchyardException BudgetRefusal =
        new(CompletionErrorKind.BudgetExceeded, "Tenant 'demo' has $0.00 of its $1.00 daily budget left.", Completions.RequestId);

    private static async Task<(int ExitCode, TestConsole Console, FakeSwitchyardClient Client)> RunAsync(ChatSettings settings, Exception? failure = null)
    {
        var client = new FakeSwitchyardClient(failure: failure);
        var console = new TestConsole(new FakeClusterConnector(client));
        var exitCode = await ChatCommand.RunAsync(settings, client, console.Environment, CancellationToken.None);
        return (exitCode, console, client);
    }

    [Fact]
    public async Task Run_WithTextOutput_PrintsAnswerThenRoutingTable()
    {
        var (exitCode, console, _) = await RunAsync(new ChatSettings("What is the capital of France?"));

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.StartsWith("Paris is the capital of France.", console.Output);
        Assert.Contains("sim-mid", console.Output);
        Assert.Contains("cheap → mid", console.Output);
        Assert.Contains("0.000123", console.Output);
        Assert.Contains("miss", console.Output);
        Assert.Contains(Completions.RequestId, console.Output);
        foreach (var row in new[] { "model", "tier", "cache", "cost (USD)", "escalations", "tiers tried", "request id" })
        {
            Assert.Contains(row, console.Output);
        }

        Assert.Empty(console.Error);
    }

    [Fact]
    public async Task Run_WithJsonOutput_PrintsOneJsonObjectWithRoutingMetadata()
    {
        var (exitCode, console, _) = await RunAsync(new ChatSettings("What is the capital of France?", Output: OutputFormat.Json));

        Assert.Equal(ExitCodes.Success, exitCode);
        using var document = JsonDocument.Parse(console.Output);
        var root = document.RootElement;
        Assert.Equal(
            ["cache", "completion_tokens", "content", "cost_usd", "escalations", "model", "prompt_tokens", "request_id", "tier", "tiers_tried", "usage"],
            root.EnumerateObject().Select(p => p.Name).Concat(root.GetProperty("usage").EnumerateObject().Select(p => p.Name)).Order());
        Assert.Equal("Paris is the capital of France.", root.GetProperty("content").GetString());
        Assert.Equal("sim-mid", root.GetProperty("model").GetString());
        Assert.Equal("mid", root.GetProperty("tier").GetString());
        Assert.Equal("miss", root.GetProperty("cache").GetString());
        Assert.Equal(0.000123m, root.GetProperty("cost_usd").GetDecimal());
        Assert.Equal(1, root.GetProperty("escalations").GetInt32());
        Assert.Equal(["cheap", "mid"], root.GetProperty("tiers_tried").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(Completions.RequestId, root.GetProperty("request_id").GetString());
        Assert.Equal(42, root.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());
        Assert.Equal(17, root.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
    }

    [Fact]
    public async Task Run_WhenBudgetRefuses_ExitsWithTwoAndOneErrorLine()
    {
        var (exitCode, console, _) = await RunAsync(new ChatSettings("Hello"), BudgetRefusal);

        Assert.Equal(ExitCodes.BudgetRefused, exitCode);
        Assert.Equal(2, exitCode);
        Assert.Equal("switchyard: budget refused: Tenant 'demo' has $0.00 of its $1.00 daily budget left.", console.Error.TrimEnd());
        Assert.Empty(console.Output);
    }

    [Fact]
    public async Task Run_WhenEveryModelFails_ExitsWithOne()
    {
        var failure = new SwitchyardException(CompletionErrorKind.ProviderFailed, "sim-cheap timed out.", Completions.RequestId);

        var (exitCode, console, _) = await RunAsync(new ChatSettings("Hello", Output: OutputFormat.Json), failure);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Equal("switchyard: every model failed: sim-cheap timed out.", console.Error.TrimEnd());
        Assert.Empty(console.Output);
    }

    [Fact]
    public async Task Run_WithSystemPrompt_SendsSystemMessageBeforeTheUserMessage()
    {
        var (_, _, client) = await RunAsync(new ChatSettings("Hello", SystemPrompt: "Be terse."));

        Assert.Equal([new PromptMessage("system", "Be terse."), new PromptMessage("user", "Hello")], Assert.Single(client.Calls).Messages);
    }

    [Fact]
    public async Task CommandLine_ParsesEveryOptionIntoTheRequest()
    {
        var client = new FakeSwitchyardClient();
        var connector = new FakeClusterConnector(client);
        var console = new TestConsole(connector);

        var exitCode = await SwitchyardCommandLine.Create(console.Environment)
            .Parse(["chat", "Hello", "--tenant", "acme", "--task-type", "qa", "--model", "sim-frontier", "--system", "Be terse.",
                "--max-tokens", "64", "--no-store", "--gateway-port", "31000", "--output", "json"])
            .InvokeAsync();

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal([31000], connector.Ports);
        Assert.Equal(1, connector.Disconnects);
        var call = Assert.Single(client.Calls);
        Assert.Equal("acme", call.TenantId);
        Assert.Equal("qa", call.TaskType);
        Assert.Equal(new SwitchyardRequestOptions { Model = "sim-frontier", MaxTokens = 64, NoStore = true }, call.Options);
        Assert.Equal("system", call.Messages[0].Role);
        using var document = JsonDocument.Parse(console.Output);
        Assert.Equal("sim-mid", document.RootElement.GetProperty("model").GetString());
    }

    [Fact]
    public async Task CommandLine_WithoutOptions_UsesDemoTenantDefaultTaskTypeAndAutoModel()
    {
        var client = new FakeSwitchyardClient();
        var connector = new FakeClusterConnector(client);
        var console = new TestConsole(connector);

        var exitCode = await SwitchyardCommandLine.Create(console.Environment).Parse(["chat", "Hello"]).InvokeAsync();

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal([null], connector.Ports);
        var call = Assert.Single(client.Calls);
        Assert.Equal(("demo", "default", "auto", false), (call.TenantId, call.TaskType, call.Options.Model, call.Options.NoStore));
        Assert.Equal([new PromptMessage("user", "Hello")], call.Messages);
    }

    [Fact]
    public async Task CommandLine_WhenBudgetRefuses_ExitsWithTwo()
    {
        var console = new TestConsole(new FakeClusterConnector(new FakeSwitchyardClient(failure: BudgetRefusal)));

        var exitCode = await SwitchyardCommandLine.Create(console.Environment).Parse(["chat", "Hello"]).InvokeAsync();

        Assert.Equal(2, exitCode);
        Assert.StartsWith("switchyard: budget refused:", console.Error);
    }

    [Fact]
    public async Task CommandLine_WhenClusterIsUnreachable_ExitsWithOneAndOneErrorLine()
    {
        var unreachable = new Switchyard.Cli.Connection.ClusterUnavailableException(30000, new TimeoutException("no gateway answered\n   at Orleans.Something()"));
        var console = new TestConsole(new FakeClusterConnector(new FakeSwitchyardClient(), unreachable));

        var exitCode = await SwitchyardCommandLine.Create(console.Environment).Parse(["chat", "Hello"]).InvokeAsync();

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Equal(
            "switchyard: cannot reach a Switchyard silo on localhost:30000 (no gateway answered). Is the silo running?",
            console.Error.TrimEnd());
        Assert.Empty(console.Output);
    }
}
