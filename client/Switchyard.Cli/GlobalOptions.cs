using System.CommandLine;
using Switchyard.Cli.Output;

namespace Switchyard.Cli;

/// <summary>
/// Options every command accepts. They are recursive, so they may be given before or after the
/// command name (<c>switchyard --output json chat ...</c> or <c>switchyard chat ... --output json</c>).
/// </summary>
internal sealed class GlobalOptions
{
    /// <summary>The silo's gateway port; when absent, <c>Switchyard:Client:GatewayPort</c> or 30000.</summary>
    public Option<int?> GatewayPort { get; } = CreateGatewayPort();

    /// <summary>How results are printed.</summary>
    public Option<OutputFormat> Output { get; } = new("--output", "-o")
    {
        Description = "text: the answer and a table of routing metadata; json: one JSON object.",
        HelpName = "text|json",
        DefaultValueFactory = _ => OutputFormat.Text,
        Recursive = true,
    };

    private static Option<int?> CreateGatewayPort()
    {
        var option = new Option<int?>("--gateway-port")
        {
            Description = "The silo's gateway port. Default: Switchyard:Client:GatewayPort, else 30000.",
            Recursive = true,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > 65535)
            {
                result.AddError("--gateway-port must be between 1 and 65535.");
            }
        });
        return option;
    }
}
