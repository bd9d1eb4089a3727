using System.Text.Json;

namespace Switchyard.Silo.Http;

/// <summary>Checks the OpenAI parameters Switchyard passes to providers unchanged.</summary>
public static class PassThroughParameters
{
    /// <summary>Throws <see cref="RequestValidationException"/> when <paramref name="value"/> is not valid for <paramref name="name"/>.</summary>
    public static void Validate(string name, JsonElement value)
    {
        var valid = name switch
        {
            "stop" => value.ValueKind == JsonValueKind.String
                || (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() <= 4 && value.EnumerateArray().All(s => s.ValueKind == JsonValueKind.String)),
            "seed" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "presence_penalty" or "frequency_penalty" => value.ValueKind == JsonValueKind.Number && value.GetDouble() is >= -2 and <= 2,
            "response_format" => IsResponseFormat(value),
            _ => false,
        };

        if (!valid)
        {
            throw new RequestValidationException(name switch
            {
                "stop" => "'stop' must be a string or an array of at most 4 strings.",
                "seed" => "'seed' must be an integer.",
                "response_format" => "'response_format' must be {\"type\": \"text\" | \"json_object\"} or {\"type\": \"json_schema\", \"json_schema\": {\"name\", \"schema\": {…}}}.",
                _ => $"'{name}' must be a number between -2 and 2.",
            }, name);
        }
    }

    private static bool IsResponseFormat(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object
        && value.TryGetProperty("type", out var type)
        && type.ValueKind == JsonValueKind.String
        && type.GetString() switch
        {
            "text" or "json_object" => true,
            "json_schema" => value.TryGetProperty("json_schema", out var schema)
                && schema.ValueKind == JsonValueKind.Object
                && schema.TryGetProperty("schema", out var body)
                && body.ValueKind == JsonValueKind.Object,
            _ => false,
        };
}
