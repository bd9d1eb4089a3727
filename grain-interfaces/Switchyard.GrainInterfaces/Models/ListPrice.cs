namespace Switchyard.Models;

/// <summary>A model's public list price, in USD per one million tokens.</summary>
/// <param name="InputPerMillion">Per 1M input (prompt) tokens.</param>
/// <param name="CachedInputPerMillion">Per 1M input tokens served from the provider's prompt cache.</param>
/// <param name="OutputPerMillion">Per 1M output (completion) tokens.</param>
public sealed record ListPrice(decimal InputPerMillion, decimal CachedInputPerMillion, decimal OutputPerMillion)
{
    /// <summary>What one call with these token counts costs.</summary>
    public decimal CostOf(long promptTokens, long cachedTokens, long completionTokens) =>
        ((promptTokens - cachedTokens) * InputPerMillion + cachedTokens * CachedInputPerMillion + completionTokens * OutputPerMillion) / 1_000_000m;
}
