using Spectre.Console;
using Switchyard.Cli.Connection;

namespace Switchyard.Cli;

/// <summary>What commands write to and connect through; tests swap in string writers and a fake connector.</summary>
/// <param name="Out">Plain output: answers and JSON, never wrapped or styled.</param>
/// <param name="Error">One-line error messages.</param>
/// <param name="Console">Rich output (tables, spinners), writing to the same place as <paramref name="Out"/>.</param>
/// <param name="Connector">Opens a connection to the cluster.</param>
/// <param name="IsTerminal">True when standard output is a terminal, so spinners make sense.</param>
internal sealed record CliEnvironment(TextWriter Out, TextWriter Error, IAnsiConsole Console, IClusterConnector Connector, bool IsTerminal)
{
    /// <summary>The real console and an Orleans client connection.</summary>
    public static CliEnvironment ForConsole() => new(
        System.Console.Out, System.Console.Error, AnsiConsole.Console, new OrleansClusterConnector(), !System.Console.IsOutputRedirected);

    /// <summary>Runs <paramref name="work"/> under a spinner showing <paramref name="status"/>, when <paramref name="show"/> and on a terminal.</summary>
    public Task<T> WithStatusAsync<T>(bool show, string status, Func<Task<T>> work) =>
        show && IsTerminal
            ? Console.Status().Spinner(Spinner.Known.Dots).StartAsync(status, _ => work())
            : work();
}
