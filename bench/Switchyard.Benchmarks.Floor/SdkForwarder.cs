using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Switchyard.Benchmarks.Floor;

/// <summary>
/// Reads the request's messages, asks the upstream through an <see cref="IChatClient"/> and writes the
/// answer as a chat completion: the parsing, SDK call and serialization every gateway on this stack pays.
/// </summary>
internal static class SdkForwarder
{
    public static async Task ForwardAsync(IChatClient chat, HttpContext context)
    {
        var messages = await ReadMessagesAsync(context);
        var response = await chat.GetResponseAsync(FloorMessage.ToChat(messages), cancellationToken: context.RequestAborted);
        await WriteAsync(context, new FloorAnswer(response.Text, response.Usage?.InputTokenCount ?? 0, response.Usage?.OutputTokenCount ?? 0));
    }

    /// <summary>The messages of the request's body.</summary>
    public static async Task<ImmutableArray<FloorMessage>> ReadMessagesAsync(HttpContext context)
    {
        using var request = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var messages = ImmutableArray.CreateBuilder<FloorMessage>();
        foreach (var message in request.RootElement.GetProperty("messages").EnumerateArray())
        {
            messages.Add(new FloorMessage(message.GetProperty("role").GetString()!, message.GetProperty("content").GetString() ?? ""));
        }

        return messages.ToImmutable();
    }

    /// <summary>Writes <paramref name="answer"/> as a chat completion.</summary>
    public static async Task WriteAsync(HttpContext context, FloorAnswer answer)
    {
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("id", "chatcmpl-floor");
        writer.WriteString("object", "chat.completion");
        writer.WriteString("model", "bench");
        writer.WriteStartArray("choices");
        writer.WriteStartObject();
        writer.WriteNumber("index", 0);
        writer.WriteStartObject("message");
        writer.WriteString("role", "assistant");
        writer.WriteString("content", answer.Text);
        writer.WriteEndObject();
        writer.WriteString("finish_reason", "stop");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartObject("usage");
        writer.WriteNumber("prompt_tokens", answer.InputTokens);
        writer.WriteNumber("completion_tokens", answer.OutputTokens);
        writer.WriteNumber("total_tokens", answer.InputTokens + answer.OutputTokens);
        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
