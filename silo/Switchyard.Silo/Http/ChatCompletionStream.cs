using System.Text;
using System.Text.Json;

namespace Switchyard.Silo.Http;

/// <summary>
/// Writes an answer as OpenAI server-sent events: a role chunk, content chunks, a finish chunk, a usage
/// chunk when <c>stream_options.include_usage</c> asks for it, and <c>data: [DONE]</c>.
/// The cascade rule for streams: each tier's answer is produced and scored in full before any of it is
/// sent, so a stream never shows a low-confidence answer that is then replaced; what is streamed is the
/// accepted answer, and the cost is settled before the first byte, so a client that disconnects
/// mid-stream is charged exactly what the providers generated.
/// </summary>
public static class ChatCompletionStream
{
    private const int WordsPerChunk = 4;
    private static readonly byte[] Done = "data: [DONE]\n\n"u8.ToArray();

    /// <summary>Streams <paramref name="response"/> to the caller.</summary>
    public static async Task WriteAsync(HttpResponse http, ChatCompletionResponse response, bool includeUsage, CancellationToken cancellationToken)
    {
        http.ContentType = "text/event-stream";
        http.Headers.CacheControl = "no-cache";
        http.Headers["X-Accel-Buffering"] = "no";

        var choice = response.Choices[0];
        await WriteChunkAsync(http, Chunk(response, new("assistant", ""), null), cancellationToken);
        foreach (var piece in Pieces(choice.Message.Content))
        {
            await WriteChunkAsync(http, Chunk(response, new(null, piece), null), cancellationToken);
        }

        await WriteChunkAsync(http, Chunk(response, new(null, null), choice.FinishReason), cancellationToken);
        if (includeUsage)
        {
            await WriteChunkAsync(http, new ChatCompletionChunk(response.Id, "chat.completion.chunk", response.Created, response.Model, [], response.Usage), cancellationToken);
        }

        await http.Body.WriteAsync(Done, cancellationToken);
        await http.Body.FlushAsync(cancellationToken);
    }

    private static ChatCompletionChunk Chunk(ChatCompletionResponse response, ChatCompletionChunk.Delta delta, string? finishReason) =>
        new(response.Id, "chat.completion.chunk", response.Created, response.Model, [new(0, delta, finishReason)], null);

    private static IEnumerable<string> Pieces(string content)
    {
        var piece = new StringBuilder();
        var words = 0;
        foreach (var character in content)
        {
            piece.Append(character);
            if (character == ' ' && ++words == WordsPerChunk)
            {
                yield return piece.ToString();
                piece.Clear();
                words = 0;
            }
        }

        if (piece.Length > 0)
        {
            yield return piece.ToString();
        }
    }

    private static async Task WriteChunkAsync(HttpResponse http, ChatCompletionChunk chunk, CancellationToken cancellationToken)
    {
        await http.Body.WriteAsync("data: "u8.ToArray(), cancellationToken);
        await JsonSerializer.SerializeAsync(http.Body, chunk, ApiJsonContext.Api.ChatCompletionChunk, cancellationToken);
        await http.Body.WriteAsync("\n\n"u8.ToArray(), cancellationToken);
        await http.Body.FlushAsync(cancellationToken);
    }
}
