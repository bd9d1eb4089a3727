using System.CommandLine;

namespace Switchyard.Cli.Commands;

/// <summary><c>switchyard eval</c>: offline evaluations of the router and of the cache.</summary>
internal static class EvalCommand
{
    /// <summary>Defines <c>eval</c> with its <c>replay</c> and <c>cache</c> commands.</summary>
    public static Command Create(GlobalOptions global, CliEnvironment environment) =>
        new("eval", "Evaluate Switchyard offline: the router on recorded model outputs, the cache on labelled question pairs.")
        {
            EvalReplayCommand.Create(global, environment),
            EvalCacheCommand.Create(global, environment),
        };
}
