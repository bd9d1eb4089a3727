namespace Switchyard.Routing.Confidence;

/// <summary>An answer's raw confidence and the text that stands for it when answers are compared.</summary>
/// <param name="Confidence">The raw confidence in [0, 1]; null when nothing reports one.</param>
/// <param name="Answer">The answer compared for agreement: the label of a self-reported answer, else the text.</param>
public sealed record ScoredAnswer(double? Confidence, string Answer);
