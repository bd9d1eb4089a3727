using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Switchyard.Completion;

namespace Switchyard.Silo.Http;

/// <summary>
/// Turns an OpenAI chat completion body into a <see cref="CompletionRequest"/>, checking every field's
/// type and range and naming the field at fault. Fields that change the answer and that Switchyard
/// does not interpret itself (tools, stop, seed, penalties, …) are kept, in canonical form, in
/// <see cref="CompletionRequest.ParametersJson"/>; unknown fields are refused rather than dropped.
/// </summary>
public static partial class ChatCompletionRequestReader
{
    /// <summary>The header that names the task type; it wins over <c>metadata.task_type</c>.</summary>
    public const string TaskTypeHeader = "x-switchyard-task-type";

    private static readonly FrozenSet<string> PassThrough = FrozenSet.Create(StringComparer.Ordinal,
        "stop", "seed", "presence_penalty", "frequency_penalty", "response_format");

    // Fields that change the answer in ways Switchyard cannot honour yet: refused, never silently dropped.
    private static readonly FrozenSet<string> Unsupported = FrozenSet.Create(StringComparer.Ordinal,
        "tools", "tool_choice", "parallel_tool_calls", "functions", "function_call", "logit_bias", "logprobs",
        "top_logprobs", "audio", "modalities", "prediction", "reasoning_effort", "web_search_options");

    private static readonly FrozenSet<string> Interpreted = FrozenSet.Create(StringComparer.Ordinal,
        "model", "messages", "temperature", "top_p", "max_tokens", "max_completion_tokens", "n", "stream", "stream_options",
        "metadata", "user", "store", "service_tier");

    /// <summary>Reads <paramref name="body"/>; throws <see cref="RequestValidationException"/> when it is not a valid request.</summary>
    public static ChatCompletionCall Read(JsonElement body, string requestId, string tenantId, string? taskTypeHeader)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new RequestValidationException("The request body must be a JSON object.", null);
        }

        var parameters = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            if (PassThrough.Contains(property.Name))
            {
                PassThroughParameters.Validate(property.Name, property.Value);
                parameters[property.Name] = property.Value;
            }
            else if (Unsupported.Contains(property.Name))
            {
                throw new RequestValidationException($"'{property.Name}' is not supported by Switchyard yet; remove it from the request.", property.Name);
            }
            else if (!Interpreted.Contains(property.Name))
            {
                throw new RequestValidationException($"Unrecognized request argument supplied: {property.Name}", property.Name);
            }
        }

        var model = RequiredString(body, "model");
        var messages = ReadMessages(body);
        var stream = OptionalBool(body, "stream") ?? false;
        var includeUsage = ReadIncludeUsage(body, stream);

        if (OptionalInt(body, "n", 1, 128) is > 1)
        {
            throw new RequestValidationException("Only n = 1 is supported.", "n");
        }

        var maxTokens = OptionalInt(body, "max_completion_tokens", 1, 1_000_000) ?? OptionalInt(body, "max_tokens", 1, 1_000_000);
        var metadata = ReadMetadata(body);
        var taskType = !string.IsNullOrWhiteSpace(taskTypeHeader) ? taskTypeHeader.Trim()
            : metadata.GetValueOrDefault("task_type") ?? CompletionRequest.DefaultTaskType;
        if (!TaskTypePattern().IsMatch(taskType))
        {
            throw new RequestValidationException(
                $"The task type '{taskType}' is invalid: use 1-64 letters, digits, '_', '-' or '.'.", "metadata.task_type");
        }

        var request = new CompletionRequest(
            requestId,
            tenantId,
            taskType.ToLowerInvariant(),
            model,
            messages,
            OptionalNumber(body, "temperature", 0, 2),
            OptionalNumber(body, "top_p", 0, 1),
            maxTokens,
            Canonical(parameters),
            CachePolicy.Default,
            OptionalString(body, "user"));
        return new ChatCompletionCall(request, stream, includeUsage);
    }

    private static bool ReadIncludeUsage(JsonElement body, bool stream)
    {
        if (!body.TryGetProperty("stream_options", out var options) || options.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        if (!stream)
        {
            throw new RequestValidationException("'stream_options' is only allowed when 'stream' is true.", "stream_options");
        }

        if (options.ValueKind != JsonValueKind.Object)
        {
            throw new RequestValidationException("'stream_options' must be an object.", "stream_options");
        }

        return OptionalBool(options, "include_usage", "stream_options") ?? false;
    }

    private static ImmutableArray<PromptMessage> ReadMessages(JsonElement body)
    {
        if (!body.TryGetProperty("messages", out var messages) || messages.ValueKind == JsonValueKind.Null)
        {
            throw new RequestValidationException("'messages' is required.", "messages");
        }

        if (messages.ValueKind != JsonValueKind.Array)
        {
            throw new RequestValidationException("'messages' must be an array of messages.", "messages");
        }

        if (messages.GetArrayLength() == 0)
        {
            throw new RequestValidationException("'messages' must contain at least one message.", "messages");
        }

        var result = ImmutableArray.CreateBuilder<PromptMessage>(messages.GetArrayLength());
        var index = 0;
        foreach (var message in messages.EnumerateArray())
        {
            var path = $"messages[{index++}]";
            if (message.ValueKind != JsonValueKind.Object)
            {
                throw new RequestValidationException($"'{path}' must be an object with 'role' and 'content'.", path);
            }

            var role = RequiredString(message, "role", path);
            if (!PromptMessage.Roles.Contains(role))
            {
                throw new RequestValidationException($"'{path}.role' must be one of: {string.Join(", ", PromptMessage.Roles.Order())}.", $"{path}.role");
            }

            result.Add(new PromptMessage(role, ReadContent(message, path)));
        }

        return result.MoveToImmutable();
    }

    private static string ReadContent(JsonElement message, string path)
    {
        if (!message.TryGetProperty("content", out var content) || content.ValueKind == JsonValueKind.Null)
        {
            throw new RequestValidationException($"'{path}.content' is required.", $"{path}.content");
        }

        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString()!;
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            throw new RequestValidationException($"'{path}.content' must be a string or an array of text parts.", $"{path}.content");
        }

        var text = new StringBuilder();
        var part = 0;
        foreach (var item in content.EnumerateArray())
        {
            var partPath = $"{path}.content[{part++}]";
            if (item.ValueKind != JsonValueKind.Object || OptionalString(item, "type", partPath) != "text")
            {
                throw new RequestValidationException($"'{partPath}' must be a text part ({{\"type\": \"text\", \"text\": …}}); other parts are not supported.", partPath);
            }

            text.Append(RequiredString(item, "text", partPath));
        }

        return text.ToString();
    }

    private static Dictionary<string, string> ReadMetadata(JsonElement body)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!body.TryGetProperty("metadata", out var metadata) || metadata.ValueKind == JsonValueKind.Null)
        {
            return result;
        }

        if (metadata.ValueKind != JsonValueKind.Object)
        {
            throw new RequestValidationException("'metadata' must be an object of strings.", "metadata");
        }

        foreach (var entry in metadata.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String)
            {
                throw new RequestValidationException($"'metadata.{entry.Name}' must be a string.", $"metadata.{entry.Name}");
            }

            result[entry.Name] = entry.Value.GetString()!;
        }

        return result;
    }

    private static string RequiredString(JsonElement owner, string name, string? path = null)
    {
        var param = path is null ? name : $"{path}.{name}";
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new RequestValidationException($"'{param}' is required.", param);
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new RequestValidationException($"'{param}' must be a string.", param);
        }

        var text = value.GetString()!;
        return text.Length > 0 || name is "text" ? text : throw new RequestValidationException($"'{param}' must not be empty.", param);
    }

    private static string? OptionalString(JsonElement owner, string name, string? path = null)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var param = path is null ? name : $"{path}.{name}";
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new RequestValidationException($"'{param}' must be a string.", param);
    }

    private static bool? OptionalBool(JsonElement owner, string name, string? path = null)
    {
        var param = path is null ? name : $"{path}.{name}";
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new RequestValidationException($"'{param}' must be a boolean.", param),
        };
    }

    private static double? OptionalNumber(JsonElement owner, string name, double min, double max)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number))
        {
            throw new RequestValidationException($"'{name}' must be a number.", name);
        }

        return number >= min && number <= max ? number : throw new RequestValidationException($"'{name}' must be between {min} and {max}.", name);
    }

    private static int? OptionalInt(JsonElement owner, string name, int min, int max)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            throw new RequestValidationException($"'{name}' must be an integer.", name);
        }

        return number >= min && number <= max ? (int)number : throw new RequestValidationException($"'{name}' must be between {min} and {max}.", name);
    }

    private static string Canonical(SortedDictionary<string, JsonElement> parameters)
    {
        if (parameters.Count == 0)
        {
            return "";
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (name, value) in parameters)
            {
                json.WritePropertyName(name);
                value.WriteTo(json);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex TaskTypePattern();
}
