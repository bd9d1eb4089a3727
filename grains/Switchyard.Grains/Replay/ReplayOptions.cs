namespace Switchyard.Replay;

/// <summary>The <c>replay</c> provider's data, bound from <c>Switchyard:Replay</c>.</summary>
public sealed class ReplayOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Switchyard:Replay";

    /// <summary>The replay files answers are read from (RouterBench or RouteLLM CSVs). Default: none.</summary>
    public List<string> Files { get; set; } = [];

    /// <summary>Output tokens assumed for a recorded answer that has no cost (RouteLLM data). Default: 1.</summary>
    public int OutputTokensWithoutCost { get; set; } = 1;
}
