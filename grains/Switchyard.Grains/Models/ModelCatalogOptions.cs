namespace Switchyard.Models;

/// <summary>The model catalog, bound from <c>Switchyard</c> (its <c>Models</c> section).</summary>
public sealed class ModelCatalogOptions
{
    /// <summary>The configuration section the catalog is bound from.</summary>
    public const string SectionName = "Switchyard";

    /// <summary>Deployments by catalog name. Default: none; the silo's appsettings.json ships a simulated one per tier.</summary>
    public Dictionary<string, ModelDeploymentOptions> Models { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Completion tokens assumed when estimating a call whose request sets no <c>max_tokens</c>. Default: 1024.
    /// </summary>
    public int DefaultOutputTokenEstimate { get; set; } = 1024;
}
