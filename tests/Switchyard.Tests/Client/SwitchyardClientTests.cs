using Switchyard.Client;
using Switchyard.Completion;
using Switchyard.Routing;

namespace Switchyard.Tests.Client;

public sealed class SwitchyardClientTests
{
    private static readonly PromptMessage[] Hello = [new("user", "What is the capital of France?")];

    private static (SwitchyardClient Client, FakeCompletionGrain Grain) Create(Func<CompletionRequest, CompletionResult> answer)
    {
        var grain = new FakeCompletionGrain(answer);
        return (new SwitchyardClient(() => grain, new SwitchyardClientOptions { DefaultTaskType = "qa" }), grain);
    }

    [Fact]
    public async Task Complete_WhenBudgetRefuses_ThrowsWithBudgetKind()
    {
        var (client, _) = Create(r => CompletionResult.Failed(r.RequestId, new CompletionError(CompletionErrorKind.BudgetExceeded, "Tenant 'demo' has $0.00 left today.")));

        var exception = await Assert.ThrowsAsync<SwitchyardException>(() => client.CompleteAsync("demo", "default", Hello));

        Assert.Equal(CompletionErrorKind.BudgetExceeded, exception.Kind);
        Assert.True(exception.IsBudgetRefusal);
        Assert.Equal("Tenant 'demo' has $0.00 left today.", exception.Message);
    }

    [Fact]
    public async Task Complete_WhenEveryModelFails_ThrowsWithProviderFailedKindAndCost()
    {
        var (client, grain) = Create(r => CompletionResult.Failed(r.RequestId, new CompletionError(CompletionErrorKind.ProviderFailed, "All tiers failed."), 0.002m));

        var exception = await Assert.ThrowsAsync<SwitchyardException>(() => client.CompleteAsync("demo", "default", Hello));

        Assert.Equal(CompletionErrorKind.ProviderFailed, exception.Kind);
        Assert.False(exception.IsBudgetRefusal);
        Assert.Equal(0.002m, exception.CostUsd);
        Assert.Equal(grain.Requests[0].RequestId, exception.RequestId);
    }

    [Fact]
    public async Task Complete_WhenServed_ReturnsAnswerWithRoutingMetadata()
    {
        var (client, _) = Create(r => Completions.EscalatedResult(r.RequestId));

        var completion = await client.CompleteAsync("demo", "default", Hello);

        Assert.Equal("Paris is the capital of France.", completion.Content);
        Assert.Equal("sim-mid", completion.Model);
        Assert.Equal(ModelTier.Mid, completion.Tier);
        Assert.Equal(CacheResult.Miss, completion.Cache);
        Assert.Equal(0.000123m, completion.CostUsd);
        Assert.Equal(1, completion.Escalations);
        Assert.Equal([ModelTier.Cheap, ModelTier.Mid], completion.TiersTried.AsEnumerable());
        Assert.Equal(new TokenUsage(42, 8, 17), completion.Usage);
        Assert.Equal(0.91, completion.Confidence);
        Assert.Equal("stop", completion.FinishReason);
    }

    [Fact]
    public async Task Complete_SendsOptionsAndAFreshRequestIdEachTime()
    {
        var (client, grain) = Create(r => Completions.EscalatedResult(r.RequestId));
        var options = new SwitchyardRequestOptions { Model = "sim-frontier", Temperature = 0.2, TopP = 0.9, MaxTokens = 64, NoStore = true, User = "u-1" };

        var first = await client.CompleteAsync("demo", "summarize", Hello, options);
        await client.CompleteAsync("demo", "summarize", Hello, options);

        var request = grain.Requests[0];
        Assert.Equal("demo", request.TenantId);
        Assert.Equal("summarize", request.TaskType);
        Assert.Equal("sim-frontier", request.Model);
        Assert.Equal(Hello, request.Messages);
        Assert.Equal(0.2, request.Temperature);
        Assert.Equal(0.9, request.TopP);
        Assert.Equal(64, request.MaxTokens);
        Assert.Equal(CachePolicy.NoStore, request.Cache);
        Assert.Equal("u-1", request.User);
        Assert.Matches("^[0-9a-f]{32}$", request.RequestId);
        Assert.Equal(request.RequestId, first.RequestId);
        Assert.NotEqual(request.RequestId, grain.Requests[1].RequestId);
    }

    [Fact]
    public async Task Complete_WithoutOptionsOrTaskType_UsesAutoModelCacheAndConfiguredTaskType()
    {
        var (client, grain) = Create(r => Completions.EscalatedResult(r.RequestId));

        await client.CompleteAsync("demo", "", Hello);

        var request = grain.Requests[0];
        Assert.Equal("qa", request.TaskType);
        Assert.Equal(CompletionRequest.AutoModel, request.Model);
        Assert.Equal(CachePolicy.Default, request.Cache);
        Assert.Null(request.MaxTokens);
    }

    [Theory]
    [InlineData("")]
    [InlineData("acme/0")]
    public async Task Complete_WhenTenantIdIsInvalid_ThrowsBeforeCallingTheCluster(string tenantId)
    {
        var (client, grain) = Create(r => Completions.EscalatedResult(r.RequestId));

        await Assert.ThrowsAsync<ArgumentException>(() => client.CompleteAsync(tenantId, "default", Hello));

        Assert.Empty(grain.Requests);
    }

    [Fact]
    public async Task Complete_WithNoMessages_ThrowsBeforeCallingTheCluster()
    {
        var (client, grain) = Create(r => Completions.EscalatedResult(r.RequestId));

        await Assert.ThrowsAsync<ArgumentException>(() => client.CompleteAsync("demo", "default", []));

        Assert.Empty(grain.Requests);
    }
}
