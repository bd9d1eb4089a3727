namespace Switchyard.Routing;

/// <summary>End users are split into this many cohorts by a stable hash; a canary's share is a number of them.</summary>
public static class CanaryCohorts
{
    /// <summary>The number of cohorts: shares are exact to 0.01 %.</summary>
    public const int Count = 10_000;
}
