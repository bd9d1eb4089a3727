namespace Switchyard.Replay;

/// <summary>One recorded query with every model's answer.</summary>
/// <param name="SampleId">A stable id of the query.</param>
/// <param name="TaskType">Its task type (the data's <c>eval_name</c>).</param>
/// <param name="Prompt">The prompt text.</param>
/// <param name="Answers">Answers by model name.</param>
/// <param name="Source">Where it was read from: <c>file:line</c>.</param>
public sealed record ReplayQuery(
    string SampleId, string TaskType, string Prompt, IReadOnlyDictionary<string, ReplayAnswer> Answers, string Source);
