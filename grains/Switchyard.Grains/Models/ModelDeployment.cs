using Switchyard.Routing;

namespace Switchyard.Models;

/// <summary>A validated catalog entry.</summary>
/// <param name="Name">The catalog name callers use as <c>model</c>.</param>
/// <param name="Provider">The provider that serves it.</param>
/// <param name="Deployment">The provider's name for the model.</param>
/// <param name="Tier">Its tier.</param>
/// <param name="Price">Its prices.</param>
/// <param name="ContextWindow">Its context window in tokens.</param>
/// <param name="Options">The options it was built from (holds the endpoint and key).</param>
public sealed record ModelDeployment(
    string Name,
    string Provider,
    string Deployment,
    ModelTier Tier,
    ModelPrice Price,
    int ContextWindow,
    ModelDeploymentOptions Options)
{
    /// <summary>The name only: a deployment's options carry a key that must never reach a log.</summary>
    public override string ToString() => Name;
}
