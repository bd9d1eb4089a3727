namespace Switchyard.Models;

/// <summary>
/// Public list prices of common models (USD per 1M tokens: input / cached input / output), as a
/// reference for cost estimates, and the price of a catalog deployment of one of these models that
/// configures no price of its own. Checked against the providers' public pricing pages in November 2026.
/// </summary>
public static class ListPrices
{
    /// <summary>The prices by model name (case-insensitive).</summary>
    public static IReadOnlyDictionary<string, ListPrice> All { get; } = new Dictionary<string, ListPrice>(StringComparer.OrdinalIgnoreCase)
    {
        ["gpt-4o"] = new(2.50m, 1.25m, 10.00m),
        ["gpt-4o-mini"] = new(0.15m, 0.075m, 0.60m),
        ["gpt-4.1"] = new(2.00m, 0.50m, 8.00m),
        ["gpt-4.1-mini"] = new(0.40m, 0.10m, 1.60m),
        ["gpt-4.1-nano"] = new(0.10m, 0.025m, 0.40m),
        ["claude-sonnet-4"] = new(3.00m, 0.30m, 15.00m),
        ["claude-haiku-3.5"] = new(0.80m, 0.08m, 4.00m),
        ["local"] = new(0m, 0m, 0m),
    };

    /// <summary>The list price of <paramref name="model"/>, or null when it has none here.</summary>
    public static ListPrice? Find(string? model) =>
        model is not null && All.TryGetValue(model, out var price) ? price : null;
}
