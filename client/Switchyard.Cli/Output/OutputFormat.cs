namespace Switchyard.Cli.Output;

/// <summary>How a command prints its result.</summary>
internal enum OutputFormat
{
    /// <summary>For people: plain text and tables.</summary>
    Text,

    /// <summary>For scripts: one JSON object on standard output.</summary>
    Json,

    /// <summary>The same as <see cref="Text"/>: tables for people.</summary>
    Table = Text,
}
