namespace Switchyard.Models;

/// <summary>
/// Public list prices of common models (USD per 1M tokens: input / cached input / output), as a
/// reference for cost estimates. Deployments in the catalog carry their own configured prices.
/// </summary>
public static class ListPrices
{
    /// <summary>The prices by model name (case-insensitive).</summary>
    public static IReadOnlyDictionary<string, ListPrice> All { get; } = new Dictionary<string, ListPrice>(StringComparer.OrdinalIgnoreCase)
    {
        ["gpt-4o"] = new(2.50m, 1.25m, 10.00m),
        ["gpt-4o-mini"] = new(0.15m, 0.075m, 0.60m),
        ["gpt-4.1-mini"] = new(0.40m, 0.10m, 1.60m),
        ["claude-sonnet-4"] = new(3.00m, 0.30m, 15.00m),
        ["claude-haiku-3.5"] = new(0.80m, 0.08m, 4.00m),
        ["local"] = new(0m, 0m, 0m),
    };
}
