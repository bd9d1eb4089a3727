using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using Switchyard.Completion;

namespace Switchyard.Caching;

/// <summary>
/// The exact-cache key of a request: a SHA-256 over a canonical form of everything that changes the
/// answer — task type, model choice, every message with its role, temperature, top-p, the output
/// limit and the other generation parameters (tools, stop, seed, …). The tenant is not hashed in: it
/// is part of the shard's grain key, which keeps tenants apart by construction.
/// </summary>
/// <param name="Hash">The lowercase hex digest.</param>
/// <param name="ShardIndex">Which of the tenant's shards holds it.</param>
public readonly record struct CacheKey(string Hash, int ShardIndex)
{
    /// <summary>The key of <paramref name="request"/> among <paramref name="shards"/> shards.</summary>
    public static CacheKey For(CompletionRequest request, int shards)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("task_type", request.TaskType);
            json.WriteString("model", request.Model.ToLowerInvariant());
            WriteNumber(json, "temperature", request.Temperature);
            WriteNumber(json, "top_p", request.TopP);
            if (request.MaxTokens is { } max)
            {
                json.WriteNumber("max_tokens", max);
            }

            json.WriteString("parameters", request.ParametersJson);
            json.WriteStartArray("messages");
            foreach (var message in request.Messages)
            {
                json.WriteStartArray();
                json.WriteStringValue(message.Role);
                json.WriteStringValue(message.Content);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(buffer.WrittenSpan, digest);
        var shard = (int)(BinaryPrimitives.ReadUInt32LittleEndian(digest) % (uint)shards);
        return new CacheKey(Convert.ToHexStringLower(digest), shard);
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
    }
}
