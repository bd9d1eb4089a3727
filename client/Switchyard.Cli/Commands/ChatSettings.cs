using Switchyard.Cli.Output;
using Switchyard.Completion;

namespace Switchyard.Cli.Commands;

/// <summary>What <c>switchyard chat</c> was asked to do.</summary>
/// <param name="Message">The user message.</param>
/// <param name="Tenant">The tenant that pays.</param>
/// <param name="TaskType">The routing policy.</param>
/// <param name="Model"><c>auto</c> or a catalog model name.</param>
/// <param name="SystemPrompt">A system message sent first, when given.</param>
/// <param name="MaxTokens">The most completion tokens wanted, when given.</param>
/// <param name="NoStore">True to neither read nor write the cache.</param>
/// <param name="Output">How to print the result.</param>
internal sealed record ChatSettings(
    string Message,
    string Tenant = ChatSettings.DefaultTenant,
    string TaskType = CompletionRequest.DefaultTaskType,
    string Model = CompletionRequest.AutoModel,
    string? SystemPrompt = null,
    int? MaxTokens = null,
    bool NoStore = false,
    OutputFormat Output = OutputFormat.Text)
{
    /// <summary>The tenant used when none is given.</summary>
    public const string DefaultTenant = "demo";
}
