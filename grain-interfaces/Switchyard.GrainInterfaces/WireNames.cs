using Switchyard.Completion;
using Switchyard.Routing;

namespace Switchyard;

/// <summary>
/// The names Switchyard shows for tiers and cache results, the same as in its HTTP API's
/// <c>x-switchyard-*</c> headers and response body.
/// </summary>
public static class WireNames
{
    /// <summary><c>cheap</c>, <c>mid</c> or <c>frontier</c>.</summary>
    public static string Tier(ModelTier tier) => tier switch
    {
        ModelTier.Cheap => "cheap",
        ModelTier.Mid => "mid",
        _ => "frontier",
    };

    /// <summary><c>miss</c>, <c>hit-exact</c> or <c>hit-semantic</c>.</summary>
    public static string Cache(CacheResult cache) => cache switch
    {
        CacheResult.HitExact => "hit-exact",
        CacheResult.HitSemantic => "hit-semantic",
        _ => "miss",
    };
}
