using System.CommandLine;
using Switchyard.Cli.Commands;

namespace Switchyard.Cli;

/// <summary>The <c>switchyard</c> command tree.</summary>
internal static class SwitchyardCommandLine
{
    /// <summary>Builds the root command, whose commands do their work through <paramref name="environment"/>.</summary>
    public static RootCommand Create(CliEnvironment environment)
    {
        var global = new GlobalOptions();
        var root = new RootCommand("Switchyard: routes LLM requests to the cheapest model trusted for them.")
        {
            global.GatewayPort,
            global.Output,
        };

        // One line per command. A command lives in Commands/ as a static Create(global, environment).
        root.Subcommands.Add(ChatCommand.Create(global, environment));
        root.Subcommands.Add(ChaosCommand.Create(global, environment));
        root.Subcommands.Add(EvalCommand.Create(global, environment));
        root.Subcommands.Add(BenchCommand.Create(global, environment));
        root.Subcommands.Add(CostCommand.Create(global, environment));
        root.Subcommands.Add(TenantsCommand.Create(global, environment));
        root.Subcommands.Add(BudgetCommand.Create(global, environment));
        root.Subcommands.Add(ReportCommand.Create(global, environment));
        return root;
    }
}
