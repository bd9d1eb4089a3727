namespace Switchyard.Completion;

/// <summary>What a request allows the cache to do.</summary>
[GenerateSerializer]
public enum CachePolicy
{
    /// <summary>Serve from the cache when possible and store the answer.</summary>
    Default = 0,

    /// <summary>Neither read nor write the cache (<c>Cache-Control: no-store</c>).</summary>
    NoStore = 1,
}
