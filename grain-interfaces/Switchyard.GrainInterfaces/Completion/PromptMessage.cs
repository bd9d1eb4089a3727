using System.Collections.Frozen;

namespace Switchyard.Completion;

/// <summary>One message of a conversation.</summary>
/// <param name="Role"><c>system</c>, <c>developer</c>, <c>user</c>, <c>assistant</c> or <c>tool</c>.</param>
/// <param name="Content">The message text.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.completion.PromptMessage")]
public sealed record PromptMessage(
    [property: Id(0)] string Role,
    [property: Id(1)] string Content)
{
    /// <summary>The roles a chat message may have.</summary>
    public static FrozenSet<string> Roles { get; } = FrozenSet.Create(StringComparer.Ordinal, "system", "developer", "user", "assistant", "tool");
}
