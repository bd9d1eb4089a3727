using Switchyard.Completion;

namespace Switchyard.Models;

/// <summary>
/// A model's list prices in USD per one million tokens. Costs are computed in <see cref="decimal"/>
/// so that spend adds up exactly, with no floating-point drift.
/// </summary>
public readonly record struct ModelPrice(decimal InputPerMillion, decimal CachedInputPerMillion, decimal OutputPerMillion)
{
    private const decimal Million = 1_000_000m;

    /// <summary>The cost of a call that used <paramref name="usage"/>: cached input at its own price.</summary>
    public decimal CostOf(TokenUsage usage)
    {
        var cached = Math.Clamp(usage.CachedInputTokens, 0, usage.InputTokens);
        var uncached = usage.InputTokens - cached;
        return (uncached * InputPerMillion + cached * CachedInputPerMillion + usage.OutputTokens * OutputPerMillion) / Million;
    }

    /// <summary>
    /// The most completion tokens <paramref name="availableUsd"/> pays for after a prompt of
    /// <paramref name="promptTokens"/> (all priced as uncached), or null when output is free.
    /// </summary>
    public int? AffordableOutputTokens(decimal availableUsd, int promptTokens)
    {
        if (OutputPerMillion <= 0m)
        {
            return null;
        }

        var forOutput = availableUsd - promptTokens * InputPerMillion / Million;
        return forOutput <= 0m ? 0 : (int)Math.Min(int.MaxValue, Math.Floor(forOutput * Million / OutputPerMillion));
    }
}
