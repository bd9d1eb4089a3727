using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Providers;

/// <summary>What the fake upstream does with one request.</summary>
public enum UpstreamFault
{
    None,
    TooManyRequests,
    ServerError,
    Unavailable,
    Slow,
    MalformedJson,
    TruncatedJson,
    SlowStream,
    BrokenStream,

    /// <summary>A 500 whose error message repeats the request's <c>Authorization</c> header, as careless servers do.</summary>
    EchoingServerError,
}

/// <summary>
/// A model provider that speaks the OpenAI chat completions and embeddings protocol over real HTTP on 127.0.0.1,
/// with faults scripted per model: each request to a model takes the next scripted fault, and answers
/// normally once the script is used up (or always fails, with <see cref="FailAlways"/>).
/// </summary>
public sealed class FakeOpenAIUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<UpstreamFault>> _scripts = new();
    private readonly ConcurrentDictionary<string, UpstreamFault> _always = new();
    private readonly ConcurrentDictionary<string, int> _calls = new();

    private FakeOpenAIUpstream(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The server root, as an Azure OpenAI resource URL would be given.</summary>
    public Uri Root => new(BaseAddress, "/");

    /// <summary>The <c>Authorization</c> header of the latest request.</summary>
    public string? LastAuthorization { get; private set; }

    /// <summary>Prompt tokens reported per call; <see cref="CachedTokens"/> of them as cached.</summary>
    public int PromptTokens { get; set; } = 1000;

    public int CachedTokens { get; set; } = 400;

    public int CompletionTokens { get; set; } = 200;

    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(5);

    public static async Task<FakeOpenAIUpstream> StartAsync()
    {
        var app = LoopbackServer.Create();
        var upstream = new FakeOpenAIUpstream(app);
        app.MapPost("/v1/chat/completions", upstream.HandleAsync);
        app.MapPost("/openai/v1/chat/completions", upstream.HandleAsync);
        app.MapPost("/v1/embeddings", upstream.HandleEmbeddingsAsync);
        app.MapPost("/openai/v1/embeddings", upstream.HandleEmbeddingsAsync);
        await app.StartAsync();
        upstream.BaseAddress = new Uri(LoopbackServer.AddressOf(app) + "/v1/");
        return upstream;
    }

    public void Script(string model, params UpstreamFault[] faults) =>
        _scripts[model] = new ConcurrentQueue<UpstreamFault>(faults);

    public void FailAlways(string model, UpstreamFault fault) => _always[model] = fault;

    public void Heal(string model) => _always.TryRemove(model, out _);

    public int Calls(string model) => _calls.GetValueOrDefault(model);

    private async Task HandleAsync(HttpContext context)
    {
        LastAuthorization = context.Request.Headers.Authorization;
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var model = body.RootElement.GetProperty("model").GetString()!;
        var stream = body.RootElement.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        var includeUsage = body.RootElement.TryGetProperty("stream_options", out var o) && o.TryGetProperty("include_usage", out var u) && u.ValueKind == JsonValueKind.True;
        _calls.AddOrUpdate(model, 1, (_, n) => n + 1);

        var fault = _always.TryGetValue(model, out var always) ? always
            : _scripts.TryGetValue(model, out var script) && script.TryDequeue(out var next) ? next
            : UpstreamFault.None;

        switch (fault)
        {
            case UpstreamFault.TooManyRequests:
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "1";
                await context.Response.WriteAsJsonAsync(new { error = new { message = "Rate limit reached", type = "rate_limit_error" } });
                return;
            case UpstreamFault.ServerError:
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("""{"error": {"message": "boom", "type": "server_error"}}""");
                return;
            case UpstreamFault.Unavailable:
                context.Response.StatusCode = 503;
                return;
            case UpstreamFault.EchoingServerError:
                context.Response.StatusCode = 500;
                await context.Response.WriteAsJsonAsync(new { error = new { message = $"internal error handling request with {context.Request.Headers.Authorization}", type = "server_error" } });
                return;
            case UpstreamFault.Slow:
                await Task.Delay(SlowDelay, context.RequestAborted);
                break;
            case UpstreamFault.MalformedJson:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{this is not json");
                return;
            case UpstreamFault.TruncatedJson:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""{"id": "x", "object": "chat.completion", "choices": [{"index": 0, "message": {"role": "assis""");
                return;
        }

        var content = $"Answer from {model}.";
        if (stream)
        {
            await StreamAsync(context, model, content, fault, includeUsage);
            return;
        }

        await context.Response.WriteAsJsonAsync(new
        {
            id = "chatcmpl-fake",
            @object = "chat.completion",
            created = 1_700_000_000,
            model,
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
            usage = new
            {
                prompt_tokens = PromptTokens,
                completion_tokens = CompletionTokens,
                total_tokens = PromptTokens + CompletionTokens,
                prompt_tokens_details = new { cached_tokens = CachedTokens },
            },
        });
    }

    private async Task StreamAsync(HttpContext context, string model, string content, UpstreamFault fault, bool includeUsage)
    {
        context.Response.ContentType = "text/event-stream";
        async Task SendAsync(string json)
        {
            await context.Response.WriteAsync($"data: {json}\n\n");
            await context.Response.Body.FlushAsync();
        }

        string Chunk(string delta, string? finish) =>
            $$"""{"id":"c1","object":"chat.completion.chunk","created":1,"model":"{{model}}","choices":[{"index":0,"delta":{{delta}},"finish_reason":{{(finish is null ? "null" : $"\"{finish}\"")}}}]}""";

        var half = content.Length / 2;
        await SendAsync(Chunk($$"""{"role":"assistant","content":"{{content[..half]}}"}""", null));
        if (fault == UpstreamFault.SlowStream)
        {
            await Task.Delay(SlowDelay, context.RequestAborted);
        }
        else if (fault == UpstreamFault.BrokenStream)
        {
            // The stream ends half-way: no finish reason, no usage, no [DONE].
            return;
        }

        await SendAsync(Chunk($$"""{"content":"{{content[half..]}}"}""", null));
        await SendAsync(Chunk("{}", "stop"));
        if (includeUsage)
        {
            await SendAsync(JsonSerializer.Serialize(new
            {
                id = "c1",
                @object = "chat.completion.chunk",
                created = 1,
                model,
                choices = Array.Empty<object>(),
                usage = new
                {
                    prompt_tokens = PromptTokens,
                    completion_tokens = CompletionTokens,
                    total_tokens = PromptTokens + CompletionTokens,
                    prompt_tokens_details = new { cached_tokens = CachedTokens },
                },
            }));
        }

        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    /// <summary>Input tokens reported per embedded text.</summary>
    public int EmbeddingTokensPerInput { get; set; } = 7;

    /// <summary>The <c>dimensions</c> of the latest embeddings request, when it had one.</summary>
    public int? LastDimensions { get; private set; }

    private async Task HandleEmbeddingsAsync(HttpContext context)
    {
        LastAuthorization = context.Request.Headers.Authorization;
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var root = body.RootElement;
        var model = root.GetProperty("model").GetString()!;
        _calls.AddOrUpdate(model, 1, (_, n) => n + 1);
        var fault = _always.TryGetValue(model, out var always) ? always
            : _scripts.TryGetValue(model, out var script) && script.TryDequeue(out var next) ? next
            : UpstreamFault.None;
        if (fault == UpstreamFault.EchoingServerError)
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsJsonAsync(new { error = new { message = $"internal error handling request with {context.Request.Headers.Authorization}", type = "server_error" } });
            return;
        }

        if (fault != UpstreamFault.None)
        {
            context.Response.StatusCode = 503;
            return;
        }

        var input = root.GetProperty("input");
        var texts = input.ValueKind == JsonValueKind.Array ? input.EnumerateArray().Select(e => e.GetString()!).ToArray() : [input.GetString()!];
        LastDimensions = root.TryGetProperty("dimensions", out var d) ? d.GetInt32() : null;
        var base64 = root.TryGetProperty("encoding_format", out var f) && f.GetString() == "base64";
        var data = texts.Select((text, index) =>
        {
            var vector = FakeEmbedding.Of(text, LastDimensions ?? FakeEmbedding.DefaultDimensions);
            object embedding = base64 ? Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan())) : vector;
            return new { @object = "embedding", index, embedding };
        }).ToArray();
        await context.Response.WriteAsJsonAsync(new
        {
            @object = "list",
            data,
            model,
            usage = new { prompt_tokens = EmbeddingTokensPerInput * texts.Length, total_tokens = EmbeddingTokensPerInput * texts.Length },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
