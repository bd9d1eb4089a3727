namespace Switchyard.Cli;

/// <summary>The process exit codes, the same for every command.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>Anything else went wrong: the silo is unreachable, the request is invalid, every model failed.</summary>
    public const int Failure = 1;

    /// <summary>The tenant's budget refused the request.</summary>
    public const int BudgetRefused = 2;

    /// <summary>The user pressed Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
