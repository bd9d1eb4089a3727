using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Switchyard.Cli.Gateway;

/// <summary>
/// A model server speaking the OpenAI chat completions protocol on 127.0.0.1 that answers every
/// request at once with the same completion and usage, plain or streamed, from bytes serialized once:
/// the floor every gateway in the benchmark is measured against.
/// </summary>
internal sealed class InstantUpstream : IAsyncDisposable
{
    /// <summary>The text of every answer.</summary>
    public const string Answer = "The benchmark upstream answered.";

    private static readonly byte[] Plain = Encoding.UTF8.GetBytes(
        "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"created\":1764000000,\"model\":\"bench\",\"choices\":[{\"index\":0,"
        + "\"message\":{\"role\":\"assistant\",\"content\":\"" + Answer + "\"},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":24,\"completion_tokens\":7,\"total_tokens\":31}}");

    private static readonly byte[] Streamed = Encoding.UTF8.GetBytes(
        "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,\"model\":\"bench\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"" + Answer + "\"},\"finish_reason\":null}]}\n\n"
        + "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,\"model\":\"bench\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
        + "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,\"model\":\"bench\",\"choices\":[],\"usage\":{\"prompt_tokens\":24,\"completion_tokens\":7,\"total_tokens\":31}}\n\n"
        + "data: [DONE]\n\n");

    private static readonly byte[] StreamFlag = "\"stream\":true"u8.ToArray();
    private static readonly byte[] SpacedStreamFlag = "\"stream\": true"u8.ToArray();

    private readonly WebApplication _app;
    private long _calls;

    private InstantUpstream(WebApplication app) => _app = app;

    /// <summary>The OpenAI base URL, ending in <c>/v1</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Chat completions answered so far.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Starts the server on an ephemeral loopback port.</summary>
    public static async Task<InstantUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var upstream = new InstantUpstream(app);
        app.MapPost("/v1/chat/completions", upstream.AnswerAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        upstream.BaseAddress = new Uri(address.TrimEnd('/') + "/v1");
        return upstream;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var body = context.Request.BodyReader;
        var stream = false;
        while (true)
        {
            var read = await body.ReadAsync();
            if (read.IsCompleted)
            {
                stream = AsksForStream(read.Buffer);
                body.AdvanceTo(read.Buffer.End);
                break;
            }

            body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }

        Interlocked.Increment(ref _calls);
        var answer = stream ? Streamed : Plain;
        context.Response.ContentType = stream ? "text/event-stream" : "application/json";
        context.Response.ContentLength = answer.Length;
        await context.Response.Body.WriteAsync(answer);
    }

    private static bool AsksForStream(System.Buffers.ReadOnlySequence<byte> body)
    {
        ReadOnlySpan<byte> bytes = body.IsSingleSegment ? body.FirstSpan : System.Buffers.BuffersExtensions.ToArray(body);
        return bytes.IndexOf(StreamFlag) >= 0 || bytes.IndexOf(SpacedStreamFlag) >= 0;
    }
}
