using System.Text.Json;
using Switchyard.Routing;

namespace Switchyard.Silo.Http;

/// <summary>
/// <c>PUT /admin/routers/{taskType} {"quality_target", "pinned", "start_tier", "max_tier"}</c>: sets a
/// task type's quality target, pins or unpins its policy, or bounds its tiers. Every field is optional;
/// the answer is the router's snapshot, as <c>GET</c> shows it.
/// </summary>
public static class RouterAdminEndpoint
{
    /// <summary>Handles one update.</summary>
    public static async Task<IResult> PutAsync(string taskType, HttpContext context, IGrainFactory grains)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
        }
        catch (JsonException exception)
        {
            return ApiError.BadRequest($"The request body is not valid JSON: {exception.Message}", code: "invalid_json");
        }

        RouterSettings settings;
        using (document)
        {
            var body = document.RootElement;
            if (body.ValueKind != JsonValueKind.Object)
            {
                return ApiError.BadRequest("The request body must be a JSON object.");
            }

            double? target = null;
            if (body.TryGetProperty("quality_target", out var t))
            {
                if (t.ValueKind != JsonValueKind.Number || !t.TryGetDouble(out var value) || value is <= 0 or > 1)
                {
                    return ApiError.BadRequest("'quality_target' must be a number in (0, 1]: the share of the best tier's accuracy to keep.", "quality_target");
                }

                target = value;
            }

            bool? pinned = null;
            if (body.TryGetProperty("pinned", out var p))
            {
                if (p.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    return ApiError.BadRequest("'pinned' must be true or false.", "pinned");
                }

                pinned = p.GetBoolean();
            }

            if (!TryTier(body, "start_tier", out var start) || !TryTier(body, "max_tier", out var max))
            {
                return ApiError.BadRequest("'start_tier' and 'max_tier' must be one of: cheap, mid, frontier.", start is null ? "start_tier" : "max_tier");
            }

            settings = new RouterSettings(target, pinned, start, max);
        }

        var snapshot = await grains.GetGrain<ITaskRouterGrain>(GrainKeys.Router(taskType)).Configure(settings);
        return TypedResults.Json(snapshot, ApiJsonContext.Api.RouterSnapshot);
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
