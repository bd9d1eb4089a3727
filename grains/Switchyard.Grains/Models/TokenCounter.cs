using System.Collections.Frozen;
using Microsoft.ML.Tokenizers;
using Switchyard.Completion;

namespace Switchyard.Models;

/// <summary>
/// Counts tokens with the o200k_base encoding (GPT-4o family) from Microsoft.ML.Tokenizers. Chat
/// messages are counted the way OpenAI bills them: each message carries a few tokens of framing and
/// every reply is primed with three more.
/// </summary>
public sealed class TokenCounter
{
    private const int TokensPerMessage = 3;
    private const int TokensPerReplyPrimer = 3;

    // The tokenizer is immutable and thread-safe; loading its vocabulary takes a while, so load it once.
    private static readonly Lazy<Tokenizer> SharedTokenizer = new(() => TiktokenTokenizer.CreateForModel("gpt-4o"));

    // Every message names a role, nearly always one of the chat roles: those are counted once, not on every request.
    private static readonly Lazy<FrozenDictionary<string, int>> KnownRoles = new(() =>
        PromptMessage.Roles.ToFrozenDictionary(role => role, role => SharedTokenizer.Value.CountTokens(role), StringComparer.Ordinal));

    /// <summary>Tokens in <paramref name="text"/>.</summary>
    public int Count(string text) => string.IsNullOrEmpty(text) ? 0 : SharedTokenizer.Value.CountTokens(text);

    /// <summary>Prompt tokens of a whole conversation, framing included.</summary>
    public int CountPrompt(IEnumerable<PromptMessage> messages)
    {
        var total = TokensPerReplyPrimer;
        foreach (var message in messages)
        {
            var role = KnownRoles.Value.TryGetValue(message.Role, out var known) ? known : Count(message.Role);
            total += TokensPerMessage + role + Count(message.Content);
        }

        return total;
    }
}
