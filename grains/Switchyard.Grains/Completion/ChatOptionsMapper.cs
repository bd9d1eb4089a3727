using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Switchyard.Completion;

/// <summary>
/// Turns a <see cref="CompletionRequest"/> into the <see cref="ChatOptions"/> a provider receives: the
/// sampling settings, and the pass-through parameters kept in
/// <see cref="CompletionRequest.ParametersJson"/> (stop, seed, penalties, response format).
/// </summary>
public static class ChatOptionsMapper
{
    /// <summary>
    /// The options for calling <paramref name="deployment"/> with <paramref name="request"/>; a request
    /// without <c>max_tokens</c> gets <paramref name="budgetCeiling"/> when the budget sets one.
    /// </summary>
    public static ChatOptions For(CompletionRequest request, string deployment, int? budgetCeiling = null)
    {
        var options = new ChatOptions
        {
            ModelId = deployment,
            MaxOutputTokens = request.MaxTokens ?? budgetCeiling,
            Temperature = (float?)request.Temperature,
            TopP = (float?)request.TopP,
        };

        if (string.IsNullOrEmpty(request.ParametersJson))
        {
            return options;
        }

        using var parameters = JsonDocument.Parse(request.ParametersJson);
        foreach (var parameter in parameters.RootElement.EnumerateObject())
        {
            var value = parameter.Value;
            switch (parameter.Name)
            {
                case "stop":
                    options.StopSequences = value.ValueKind == JsonValueKind.String
                        ? [value.GetString()!]
                        : [.. value.EnumerateArray().Select(s => s.GetString()!)];
                    break;
                case "seed":
                    options.Seed = value.GetInt64();
                    break;
                case "presence_penalty":
                    options.PresencePenalty = value.GetSingle();
                    break;
                case "frequency_penalty":
                    options.FrequencyPenalty = value.GetSingle();
                    break;
                case "response_format":
                    options.ResponseFormat = ResponseFormatOf(value);
                    break;
            }
        }

        return options;
    }

    private static ChatResponseFormat ResponseFormatOf(JsonElement format) => format.GetProperty("type").GetString() switch
    {
        "json_object" => ChatResponseFormat.Json,
        "json_schema" when format.GetProperty("json_schema") is var schema => ChatResponseFormat.ForJsonSchema(
            schema.GetProperty("schema").Clone(),
            schema.TryGetProperty("name", out var name) ? name.GetString() : null,
            schema.TryGetProperty("description", out var description) ? description.GetString() : null),
        _ => ChatResponseFormat.Text,
    };
}
