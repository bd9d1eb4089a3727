using Switchyard.Completion;
using Switchyard.Models;

namespace Switchyard.Tests.Models;

public sealed class TokenCounterTests
{
    private readonly TokenCounter _tokens = new();

    [Fact]
    public void Count_UsesTheO200kEncoding()
    {
        Assert.Equal(0, _tokens.Count(""));
        Assert.Equal(2, _tokens.Count("Hello world"));
    }

    [Fact]
    public void CountPrompt_AddsMessageFramingAndTheReplyPrimer()
    {
        PromptMessage[] prompt = [new("user", "Hello world")];

        // 3 (reply primer) + 3 (message) + 1 ("user") + 2 ("Hello world").
        Assert.Equal(9, _tokens.CountPrompt(prompt));
    }

    [Theory]
    [InlineData("system")]
    [InlineData("developer")]
    [InlineData("user")]
    [InlineData("assistant")]
    [InlineData("tool")]
    [InlineData("narrator")]
    [InlineData("user ")]
    public void CountPrompt_CountsEveryRoleAsItsOwnTokens(string role)
    {
        PromptMessage[] prompt = [new(role, "Hello world"), new("assistant", "Hi")];

        Assert.Equal(3 + 3 + _tokens.Count(role) + 2 + 3 + _tokens.Count("assistant") + 1, _tokens.CountPrompt(prompt));
    }
}
