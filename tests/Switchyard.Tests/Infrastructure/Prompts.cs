using Switchyard.Completion;
using Switchyard.Providers;

namespace Switchyard.Tests.Infrastructure;

/// <summary>Finds prompts on which the deterministic simulated models behave in a wanted way.</summary>
public static class Prompts
{
    /// <summary>A one-message conversation.</summary>
    public static PromptMessage[] User(string text) => [new("user", text)];

    /// <summary>The first prompt (of a numbered family) whose answer from <paramref name="model"/> satisfies <paramref name="wanted"/>.</summary>
    public static string Find(string family, string model, double accuracy, Func<SimulatedAnswer, bool> wanted)
    {
        for (var i = 0; i < 10_000; i++)
        {
            var text = $"{family} #{i}";
            if (wanted(SimulatedAnswer.For(model, SimulatedChatClient.PromptText(User(text)), accuracy)))
            {
                return text;
            }
        }

        throw new InvalidOperationException($"No prompt of family '{family}' fits.");
    }
}
