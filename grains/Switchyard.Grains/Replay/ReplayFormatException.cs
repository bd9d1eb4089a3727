namespace Switchyard.Replay;

/// <summary>A replay file that cannot be read; the message names the file and the line at fault.</summary>
public sealed class ReplayFormatException(string file, long line, string problem)
    : Exception($"{file}:{line}: {problem}")
{
    /// <summary>The file at fault.</summary>
    public string File { get; } = file;

    /// <summary>The line at fault (1-based; multi-line records are named by their first line).</summary>
    public long Line { get; } = line;
}
