using Switchyard.Client;
using Switchyard.Completion;

namespace Switchyard.Cli.Output;

/// <summary>Turns a failure into one line on standard error and an exit code; never a stack trace.</summary>
internal static class ErrorReporter
{
    /// <summary>Reports <paramref name="exception"/> to <paramref name="error"/> and returns the exit code.</summary>
    public static int Report(Exception exception, TextWriter error)
    {
        var (exitCode, message) = exception switch
        {
            SwitchyardException { IsBudgetRefusal: true } refused => (ExitCodes.BudgetRefused, $"budget refused: {refused.Message}"),
            SwitchyardException { Kind: CompletionErrorKind.ProviderFailed } failed => (ExitCodes.Failure, $"every model failed: {failed.Message}"),
            SwitchyardException invalid => (ExitCodes.Failure, $"invalid request: {invalid.Message}"),
            OperationCanceledException => (ExitCodes.Cancelled, "cancelled."),
            _ => (ExitCodes.Failure, exception.Message),
        };

        error.WriteLine($"switchyard: {FirstLine(message)}");
        return exitCode;
    }

    // Orleans' messages can span lines (message dumps); the first line says what went wrong.
    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return (end < 0 ? message : message[..end]).Trim();
    }
}
