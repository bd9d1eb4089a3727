using System.Net.Http.Headers;

namespace Switchyard.Benchmarks.Floor;

/// <summary>Copies the request body to the upstream and its reply back, parsing neither.</summary>
internal sealed class RawForwarder(Uri chatCompletions)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256 });

    public async Task ForwardAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        using var request = new HttpRequestMessage(HttpMethod.Post, chatCompletions) { Content = new ByteArrayContent(body.ToArray()) };
        request.Content.Headers.ContentType = Json;
        using var reply = await _http.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)reply.StatusCode;
        context.Response.ContentType = "application/json";
        await reply.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
