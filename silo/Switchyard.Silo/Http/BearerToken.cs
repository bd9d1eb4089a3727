namespace Switchyard.Silo.Http;

/// <summary>Reads the key from <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
public static class BearerToken
{
    /// <summary>The bearer key of <paramref name="request"/>, or null when there is none.</summary>
    public static string? From(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length
            ? header[scheme.Length..].Trim()
            : null;
    }
}
