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
        using var request = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var messages = new List<ChatMessage>();
        foreach (var message in request.RootElement.GetProperty("messages").EnumerateArray())
        {
            messages.Add(new ChatMessage(new ChatRole(message.GetProperty("role").GetString()!), message.GetProperty("content").GetString()));
        }

        var response = await chat.GetResponseAsync(messages, cancellationToken: context.RequestAborted);
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("id", response.ResponseId ?? "chatcmpl-floor");
        writer.WriteString("object", "chat.completion");
        writer.WriteString("model", response.ModelId ?? "bench");
        writer.WriteStartArray("choices");
        writer.WriteStartObject();
        writer.WriteNumber("index", 0);
        writer.WriteStartObject("message");
        writer.WriteString("role", "assistant");
        writer.WriteString("content", response.Text);
        writer.WriteEndObject();
        writer.WriteString("finish_reason", "stop");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartObject("usage");
        writer.WriteNumber("prompt_tokens", response.Usage?.InputTokenCount ?? 0);
        writer.WriteNumber("completion_tokens", response.Usage?.OutputTokenCount ?? 0);
        writer.WriteNumber("total_tokens", response.Usage?.TotalTokenCount ?? 0);
        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
