using System.ClientModel;
using OpenAI;
using OpenAI.Chat;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Http;

/// <summary>The official OpenAI .NET SDK, unchanged, against Switchyard's endpoint.</summary>
[Collection(SiloHostCollection.Name)]
public sealed class OpenAISdkTests(SiloHostFixture fixture)
{
    private ChatClient Client(string model = "auto", string key = TestSettings.AlphaKey) =>
        new(model, new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri(fixture.Host.Address, "/v1") });

    [Fact]
    public async Task CompleteChat_ThroughTheOfficialSdk_Answers()
    {
        ChatCompletion completion = await Client().CompleteChatAsync(
            [new SystemChatMessage("Be brief."), new UserChatMessage($"Name a colour. {Guid.NewGuid()}")]);

        Assert.NotEmpty(completion.Content[0].Text);
        Assert.StartsWith("sim-", completion.Model);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.True(completion.Usage.InputTokenCount > 0);
    }

    [Fact]
    public async Task CompleteChatStreaming_ThroughTheOfficialSdk_StreamsTheSameAnswerWithUsage()
    {
        var prompt = $"Stream me {Guid.NewGuid()}";
        var text = new System.Text.StringBuilder();
        ChatTokenUsage? usage = null;
        ChatFinishReason? finish = null;
        var chunks = 0;
        await foreach (var update in Client("sim-mid").CompleteChatStreamingAsync([new UserChatMessage(prompt)], new ChatCompletionOptions { StoredOutputEnabled = false }))
        {
            chunks++;
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }

            usage ??= update.Usage;
            finish ??= update.FinishReason;
        }

        // Asked again without streaming, the same answer comes (from the cache).
        ChatCompletion whole = await Client("sim-mid").CompleteChatAsync([new UserChatMessage(prompt)], new ChatCompletionOptions { StoredOutputEnabled = false });
        Assert.True(chunks > 2);
        Assert.Equal(whole.Content[0].Text, text.ToString());
        Assert.Equal(ChatFinishReason.Stop, finish);
        Assert.NotNull(usage);
        Assert.True(usage!.OutputTokenCount > 0);
    }

    [Fact]
    public async Task CompleteChatStreaming_OverBudget_SurfacesBeforeTheStream()
    {
        var failure = await Assert.ThrowsAsync<ClientResultException>(async () =>
        {
            await foreach (var _ in Client(key: TestSettings.PoorKey).CompleteChatStreamingAsync([new UserChatMessage("hi")]))
            {
            }
        });

        Assert.Equal(402, failure.Status);
    }

    [Fact]
    public async Task CompleteChat_WithAPinnedModel_UsesIt()
    {
        ChatCompletion completion = await Client("sim-cheap").CompleteChatAsync([new UserChatMessage($"Pinned {Guid.NewGuid()}")]);

        Assert.Equal("sim-cheap", completion.Model);
    }

    [Fact]
    public async Task CompleteChat_WithABadKey_SurfacesAsTheSdksOwnException()
    {
        var failure = await Assert.ThrowsAsync<ClientResultException>(() => Client(key: "sk-wrong").CompleteChatAsync([new UserChatMessage("hi")]));

        Assert.Equal(401, failure.Status);
    }

    [Fact]
    public async Task CompleteChat_OverBudget_Surfaces402()
    {
        var failure = await Assert.ThrowsAsync<ClientResultException>(() => Client(key: TestSettings.PoorKey).CompleteChatAsync([new UserChatMessage("hi")]));

        Assert.Equal(402, failure.Status);
        Assert.Contains("budget", failure.Message, StringComparison.OrdinalIgnoreCase);
    }
}
