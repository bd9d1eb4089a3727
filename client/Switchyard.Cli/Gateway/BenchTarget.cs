using System.Net.Http.Headers;

namespace Switchyard.Cli.Gateway;

/// <summary>
/// What the load is sent to: the upstream itself, Switchyard or Portkey, each with the request it
/// expects (same messages, its own headers) and, for a gateway, the process whose CPU and memory count.
/// </summary>
/// <param name="Name">The target's key in the report: <c>direct</c>, <c>switchyard</c> or <c>portkey</c>.</param>
/// <param name="Endpoint">The chat completions URL.</param>
/// <param name="Headers">Headers sent with every request (authorization, routing).</param>
/// <param name="Body">The JSON body of request <c>i</c>.</param>
/// <param name="ProcessId">The gateway process, or null when the target is the upstream in this process.</param>
internal sealed record BenchTarget(string Name, Uri Endpoint, IReadOnlyList<KeyValuePair<string, string>> Headers, Func<long, byte[]> Body, int? ProcessId)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>Request <paramref name="index"/>.</summary>
    public HttpRequestMessage CreateRequest(long index)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(Body(index)) };
        request.Content.Headers.ContentType = Json;
        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    /// <summary>True when Switchyard says a cache answered.</summary>
    public bool IsCacheHit(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-switchyard-cache", out var values) && values.FirstOrDefault() is { } cache && cache.StartsWith("hit", StringComparison.Ordinal);
}
