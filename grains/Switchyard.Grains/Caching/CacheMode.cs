namespace Switchyard.Caching;

/// <summary>How a request may use the cache (see <see cref="CacheAdmission"/>).</summary>
public enum CacheMode
{
    /// <summary>Neither read nor written.</summary>
    None = 0,

    /// <summary>Found and stored by exact key only.</summary>
    ExactOnly = 1,

    /// <summary>Found by exact key, then by meaning; stored with both.</summary>
    ExactAndSemantic = 2,
}
