namespace Switchyard.Providers;

/// <summary>
/// A provider embedder's call failed. Carries the embedder's catalog name, the HTTP status and the type
/// of the original error, never its message: a provider's error text may echo what it was sent.
/// </summary>
public sealed class ProviderEmbeddingException(string embedder, int status, string errorType)
    : Exception($"Embedder '{embedder}' failed ({errorType}, status {status}).")
{
    /// <summary>The embedder's catalog name.</summary>
    public string Embedder { get; } = embedder;

    /// <summary>The provider's HTTP status, or 0 when there was no response.</summary>
    public int Status { get; } = status;

    /// <summary>The type name of the original error.</summary>
    public string ErrorType { get; } = errorType;
}
