using System.Text.Json;
using Switchyard.Models;
using Switchyard.Routing;

namespace Switchyard.Silo.Http;

/// <summary>
/// Reads router settings from a JSON object: <c>quality_target</c>, <c>pinned</c>, <c>start_tier</c>,
/// <c>max_tier</c>, <c>accept_confidence</c>, <c>model</c>; every one optional.
/// </summary>
public static class RouterSettingsReader
{
    /// <summary>The settings in <paramref name="body"/>, or the 400 that says what is wrong with them.</summary>
    public static (RouterSettings? Settings, IResult? Error) Read(JsonElement body, ModelCatalog catalog, string where = "")
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, ApiError.BadRequest($"{(where.Length == 0 ? "The request body" : $"'{where}'")} must be a JSON object."));
        }

        double? target = null;
        if (body.TryGetProperty("quality_target", out var t))
        {
            if (t.ValueKind != JsonValueKind.Number || !t.TryGetDouble(out var value) || value is <= 0 or > 1)
            {
                return (null, ApiError.BadRequest("'quality_target' must be a number in (0, 1]: the share of the best tier's accuracy to keep.", "quality_target"));
            }

            target = value;
        }

        bool? pinned = null;
        if (body.TryGetProperty("pinned", out var p))
        {
            if (p.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return (null, ApiError.BadRequest("'pinned' must be true or false.", "pinned"));
            }

            pinned = p.GetBoolean();
        }

        if (!TryTier(body, "start_tier", out var start))
        {
            return (null, ApiError.BadRequest("'start_tier' must be one of: cheap, mid, frontier.", "start_tier"));
        }

        if (!TryTier(body, "max_tier", out var max))
        {
            return (null, ApiError.BadRequest("'max_tier' must be one of: cheap, mid, frontier.", "max_tier"));
        }

        double? accept = null;
        if (body.TryGetProperty("accept_confidence", out var a))
        {
            if (a.ValueKind != JsonValueKind.Number || !a.TryGetDouble(out var value) || value is < 0 or > 1)
            {
                return (null, ApiError.BadRequest("'accept_confidence' must be a number in [0, 1].", "accept_confidence"));
            }

            accept = value;
        }

        string? model = null;
        if (body.TryGetProperty("model", out var m))
        {
            if (m.ValueKind != JsonValueKind.String || (m.GetString() is { Length: > 0 } name && !catalog.TryGet(name, out _)))
            {
                return (null, ApiError.BadRequest("'model' must name a model of the catalog (GET /v1/models), or be \"\" to clear it.", "model"));
            }

            model = m.GetString();
        }

        return (new RouterSettings(target, pinned, start, max, accept, model), null);
    }

    private static bool TryTier(JsonElement body, string name, out ModelTier? tier)
    {
        tier = null;
        if (!body.TryGetProperty(name, out var value))
        {
            return true;
        }

        if (value.ValueKind == JsonValueKind.String && Enum.TryParse<ModelTier>(value.GetString(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            tier = parsed;
            return true;
        }

        return false;
    }
}
