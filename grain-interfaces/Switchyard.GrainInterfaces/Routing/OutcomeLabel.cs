namespace Switchyard.Routing;

/// <summary>Whether an answer turned out right.</summary>
[GenerateSerializer]
public enum OutcomeLabel
{
    /// <summary>Not known (yet).</summary>
    Unknown = 0,

    /// <summary>The answer was right.</summary>
    Right = 1,

    /// <summary>The answer was wrong.</summary>
    Wrong = 2,
}
