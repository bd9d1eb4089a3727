namespace Switchyard.Replay;

/// <summary>One model's recorded answer to one query.</summary>
/// <param name="Text">The answer text (empty when none was recorded).</param>
/// <param name="Correct">Whether it was right; a missing answer counts as wrong.</param>
/// <param name="CostUsd">What the call cost, when the data records it.</param>
public sealed record ReplayAnswer(string Text, bool Correct, decimal? CostUsd);
