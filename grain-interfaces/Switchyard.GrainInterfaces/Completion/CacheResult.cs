namespace Switchyard.Completion;

/// <summary>How the cache took part in a request.</summary>
[GenerateSerializer]
public enum CacheResult
{
    /// <summary>No cached answer; a model answered.</summary>
    Miss = 0,

    /// <summary>An identical earlier request's answer was served.</summary>
    HitExact = 1,

    /// <summary>A similar earlier request's answer was served.</summary>
    HitSemantic = 2,
}
