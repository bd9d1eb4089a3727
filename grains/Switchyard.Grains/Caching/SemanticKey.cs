using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using Switchyard.Completion;

namespace Switchyard.Caching;

/// <summary>
/// The semantic key of a request: its last user message, matched by meaning, within a context that
/// must match exactly — task type, model choice, generation parameters, system prompt and every
/// earlier turn. So a follow-up like "and in Python?" can only hit an answer given after the same
/// conversation; and a shared system prompt does not inflate the similarity of unrelated questions,
/// which keeps the calibrated threshold valid.
/// </summary>
/// <param name="Context">A 64-bit fingerprint of everything but the last message.</param>
/// <param name="Text">The last message, to embed.</param>
public readonly record struct SemanticKey(ulong Context, string Text)
{
    /// <summary>The semantic key of <paramref name="request"/>, which has at least one message.</summary>
    public static SemanticKey For(CompletionRequest request)
    {
        ArgumentOutOfRangeException.ThrowIfZero(request.Messages.Length);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("task_type", request.TaskType.ToLowerInvariant());
            json.WriteString("model", request.Model.ToLowerInvariant());
            if (request.Temperature is { } temperature)
            {
                json.WriteNumber("temperature", temperature);
            }

            if (request.TopP is { } topP)
            {
                json.WriteNumber("top_p", topP);
            }

            if (request.MaxTokens is { } max)
            {
                json.WriteNumber("max_tokens", max);
            }

            json.WriteString("parameters", request.ParametersJson);
            json.WriteStartArray("context");
            for (var i = 0; i < request.Messages.Length - 1; i++)
            {
                json.WriteStartArray();
                json.WriteStringValue(request.Messages[i].Role);
                json.WriteStringValue(request.Messages[i].Content);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteString("last_role", request.Messages[^1].Role.ToLowerInvariant());
            json.WriteEndObject();
        }

        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(buffer.WrittenSpan, digest);
        return new SemanticKey(BinaryPrimitives.ReadUInt64LittleEndian(digest), request.Messages[^1].Content);
    }
}
