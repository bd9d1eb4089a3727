using Switchyard.Caching;
using Switchyard.Completion;

namespace Switchyard.Tests.Caching;

public sealed class SemanticKeyTests
{
    private static CompletionRequest Conversation(params PromptMessage[] messages) => new("r1", "alpha", "default", "auto", [.. messages]);

    [Fact]
    public void For_FollowUpsAfterDifferentEarlierTurns_HaveDifferentContexts()
    {
        var afterSorting = SemanticKey.For(Conversation(new("user", "Write a quicksort in C#."), new("assistant", "Here it is..."), new("user", "and in Python?")));
        var afterServers = SemanticKey.For(Conversation(new("user", "Write a web server in Go."), new("assistant", "Here it is..."), new("user", "and in Python?")));

        Assert.Equal(afterSorting.Text, afterServers.Text);
        Assert.NotEqual(afterSorting.Context, afterServers.Context);
    }

    [Fact]
    public void For_TheSameEarlierTurns_HaveTheSameContextWhateverTheLastMessage()
    {
        var first = SemanticKey.For(Conversation(new("system", "Be brief."), new("user", "What is a monad?")));
        var second = SemanticKey.For(Conversation(new("system", "Be brief."), new("user", "what's a monad")));

        Assert.Equal(first.Context, second.Context);
        Assert.Equal("what's a monad", second.Text);
    }

    [Fact]
    public void For_ADifferentSystemPromptOrModel_ChangesTheContext()
    {
        var request = Conversation(new("system", "Be brief."), new("user", "What is a monad?"));

        Assert.NotEqual(SemanticKey.For(request).Context, SemanticKey.For(request with { Messages = [new("system", "Be thorough."), new("user", "What is a monad?")] }).Context);
        Assert.NotEqual(SemanticKey.For(request).Context, SemanticKey.For(request with { Model = "sim-frontier" }).Context);
        Assert.NotEqual(SemanticKey.For(request).Context, SemanticKey.For(request with { TaskType = "legal" }).Context);
    }
}
