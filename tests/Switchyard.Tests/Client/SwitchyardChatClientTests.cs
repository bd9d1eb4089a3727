using Microsoft.Extensions.AI;
using Switchyard.Client;
using Switchyard.Completion;

namespace Switchyard.Tests.Client;

public sealed class SwitchyardChatClientTests
{
    private static readonly ChatMessage[] Question = [new(ChatRole.User, "What is the capital of France?")];

    [Fact]
    public async Task GetResponse_WithoutOptions_SendsClientTenantTaskTypeAndAutoModel()
    {
        var fake = new FakeSwitchyardClient();
        using var chat = fake.AsChatClient("acme", "qa");

        await chat.GetResponseAsync(Question);

        var call = Assert.Single(fake.Calls);
        Assert.Equal("acme", call.TenantId);
        Assert.Equal("qa", call.TaskType);
        Assert.Equal(CompletionRequest.AutoModel, call.Options.Model);
        Assert.Equal([new PromptMessage("user", "What is the capital of France?")], call.Messages);
    }

    [Fact]
    public async Task GetResponse_MapsChatOptionsAndOverridesToTheRequest()
    {
        var fake = new FakeSwitchyardClient();
        using var chat = fake.AsChatClient("acme");
        var options = new ChatOptions
        {
            ModelId = "sim-frontier",
            Instructions = "Answer in one sentence.",
            MaxOutputTokens = 64,
            Temperature = 0.7f,
            TopP = 0.9f,
            AdditionalProperties = new()
            {
                [SwitchyardChatProperties.Tenant] = "globex",
                [SwitchyardChatProperties.TaskType] = "summarize",
                [SwitchyardChatProperties.NoStore] = true,
                [SwitchyardChatProperties.User] = "u-1",
            },
        };

        await chat.GetResponseAsync([new(ChatRole.System, "Be terse."), .. Question], options);

        var call = Assert.Single(fake.Calls);
        Assert.Equal("globex", call.TenantId);
        Assert.Equal("summarize", call.TaskType);
        Assert.Equal(
            [new PromptMessage("system", "Answer in one sentence."), new PromptMessage("system", "Be terse."), new PromptMessage("user", "What is the capital of France?")],
            call.Messages);
        Assert.Equal(
            new SwitchyardRequestOptions { Model = "sim-frontier", MaxTokens = 64, Temperature = 0.7, TopP = 0.9, NoStore = true, User = "u-1" },
            call.Options);
    }

    [Fact]
    public async Task GetResponse_ReturnsAnswerWithUsageAndRoutingMetadata()
    {
        var completion = Completions.Escalated();
        using var chat = new SwitchyardChatClient(new FakeSwitchyardClient(completion), "acme");

        var response = await chat.GetResponseAsync(Question);

        Assert.Equal("Paris is the capital of France.", response.Text);
        Assert.Equal(ChatRole.Assistant, Assert.Single(response.Messages).Role);
        Assert.Equal("sim-mid", response.ModelId);
        Assert.Equal(Completions.RequestId, response.ResponseId);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.NotNull(response.Usage);
        Assert.Equal(42, response.Usage.InputTokenCount);
        Assert.Equal(8, response.Usage.CachedInputTokenCount);
        Assert.Equal(17, response.Usage.OutputTokenCount);
        Assert.Equal(59, response.Usage.TotalTokenCount);

        var metadata = response.AdditionalProperties;
        Assert.NotNull(metadata);
        Assert.Equal(Completions.RequestId, metadata[SwitchyardChatProperties.RequestId]);
        Assert.Equal("mid", metadata[SwitchyardChatProperties.Tier]);
        Assert.Equal("miss", metadata[SwitchyardChatProperties.Cache]);
        Assert.Equal(0.000123m, metadata[SwitchyardChatProperties.CostUsd]);
        Assert.Equal(1, metadata[SwitchyardChatProperties.Escalations]);
        Assert.Equal(["cheap", "mid"], Assert.IsType<string[]>(metadata[SwitchyardChatProperties.TiersTried]));
        Assert.Equal(0.91, metadata[SwitchyardChatProperties.Confidence]);
        Assert.Same(completion, response.RawRepresentation);
    }

    [Fact]
    public async Task GetStreamingResponse_YieldsTheSameTextAndMetadataAsTheResponse()
    {
        using var chat = new SwitchyardChatClient(new FakeSwitchyardClient(), "acme");

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync(Question))
        {
            updates.Add(update);
        }

        Assert.Equal("Paris is the capital of France.", string.Concat(updates.Select(u => u.Text)));
        var combined = updates.ToChatResponse();
        Assert.Equal("Paris is the capital of France.", combined.Text);
        Assert.Equal("sim-mid", combined.ModelId);
        Assert.Equal(ChatFinishReason.Stop, combined.FinishReason);
        Assert.Equal(8, combined.Usage?.CachedInputTokenCount);
        Assert.Equal(0.000123m, combined.AdditionalProperties?[SwitchyardChatProperties.CostUsd]);
    }

    [Fact]
    public async Task GetResponse_WhenBudgetRefuses_ThrowsWithBudgetKind()
    {
        var refusal = new SwitchyardException(CompletionErrorKind.BudgetExceeded, "No budget left.", Completions.RequestId);
        using var chat = new SwitchyardChatClient(new FakeSwitchyardClient(failure: refusal), "acme");

        var exception = await Assert.ThrowsAsync<SwitchyardException>(() => chat.GetResponseAsync(Question));

        Assert.Equal(CompletionErrorKind.BudgetExceeded, exception.Kind);
    }

    [Fact]
    public void GetService_ReturnsSwitchyardMetadataAndItself()
    {
        var fake = new FakeSwitchyardClient();
        using var chat = new SwitchyardChatClient(fake, "acme");

        var metadata = chat.GetService<ChatClientMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal("switchyard", metadata.ProviderName);
        Assert.Equal(CompletionRequest.AutoModel, metadata.DefaultModelId);
        Assert.Same(chat, chat.GetService<SwitchyardChatClient>());
        Assert.Same(fake, chat.GetService<ISwitchyardClient>());
        Assert.Null(chat.GetService<ChatClientMetadata>(serviceKey: "other"));
    }
}
