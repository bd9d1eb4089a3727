namespace Switchyard.Completion;

/// <summary>Tokens one call used.</summary>
/// <param name="InputTokens">Prompt tokens, including cached ones.</param>
/// <param name="CachedInputTokens">Prompt tokens the provider served from its prompt cache.</param>
/// <param name="OutputTokens">Completion tokens.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.completion.TokenUsage")]
public sealed record TokenUsage(
    [property: Id(0)] int InputTokens,
    [property: Id(1)] int CachedInputTokens,
    [property: Id(2)] int OutputTokens)
{
    /// <summary>No tokens.</summary>
    public static TokenUsage None { get; } = new(0, 0, 0);

    /// <summary>Input plus output tokens.</summary>
    public int TotalTokens => InputTokens + OutputTokens;

    /// <summary>Adds two usages.</summary>
    public static TokenUsage operator +(TokenUsage left, TokenUsage right) => new(
        left.InputTokens + right.InputTokens,
        left.CachedInputTokens + right.CachedInputTokens,
        left.OutputTokens + right.OutputTokens);
}
