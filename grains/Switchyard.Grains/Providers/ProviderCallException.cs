using System.ClientModel;

namespace Switchyard.Providers;

/// <summary>
/// A provider call that failed, told without the provider's own words: a provider's error message can
/// quote the request's credentials (OpenAI's names the key it refused), and every layer above this one —
/// logs, traces, the GenAI telemetry — would repeat it.
/// </summary>
/// <param name="deployment">The deployment's catalog name (a chat model or an embedder).</param>
/// <param name="status">The provider's HTTP status, or 0 when there was no response.</param>
/// <param name="errorType">The type name of the original error.</param>
public sealed class ProviderCallException(string deployment, int status, string errorType)
    : Exception($"Model '{deployment}' failed ({errorType}, status {status}).")
{
    /// <summary>The deployment's catalog name.</summary>
    public string Deployment { get; } = deployment;

    /// <summary>The provider's HTTP status, or 0 when there was no response.</summary>
    public int Status { get; } = status;

    /// <summary>The type name of the original error.</summary>
    public string ErrorType { get; } = errorType;

    /// <summary>What can safely be told of <paramref name="failure"/>: its HTTP status and type, not its message.</summary>
    public static ProviderCallException From(string deployment, Exception failure) =>
        new(deployment, (failure as ClientResultException)?.Status ?? 0, failure.GetType().Name);
}
