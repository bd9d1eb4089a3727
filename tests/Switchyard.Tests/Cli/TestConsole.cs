using Spectre.Console;
using Switchyard.Cli;
using Switchyard.Cli.Connection;

namespace Switchyard.Tests.Cli;

/// <summary>A <see cref="CliEnvironment"/> whose standard output and error are strings.</summary>
internal sealed class TestConsole
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public TestConsole(IClusterConnector connector)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_out),
        });
        Environment = new CliEnvironment(_out, _error, console, connector, IsTerminal: false);
    }

    public CliEnvironment Environment { get; }

    public string Output => _out.ToString();

    public string Error => _error.ToString();

    /// <summary>
    /// Standard error, then standard output, fit for a failed assertion's message: control characters
    /// (a child process's terminal codes, say) shown as <c>?</c>, and only the last 4,000 characters,
    /// so the test log prints it.
    /// </summary>
    public string Transcript
    {
        get
        {
            var text = string.Concat((Error + Output).Select(c => char.IsControl(c) && c is not '\n' and not '\t' ? '?' : c));
            return text.Length <= 4000 ? text : "…" + text[^4000..];
        }
    }
}
