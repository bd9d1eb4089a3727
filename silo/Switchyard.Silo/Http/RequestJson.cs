using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace Switchyard.Silo.Http;

/// <summary>Reads a request body as JSON, turning malformed or oversized bodies into OpenAI-shaped errors.</summary>
public static class RequestJson
{
    /// <summary>The parsed body (the caller disposes it), or the error to answer with.</summary>
    public static async Task<(JsonDocument? Document, IResult? Error)> ParseAsync(HttpContext context)
    {
        try
        {
            return (await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted), null);
        }
        catch (JsonException exception)
        {
            return (null, ApiError.BadRequest($"The request body is not valid JSON: {exception.Message}", code: "invalid_json"));
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ApiError.TooLarge(context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0));
        }
    }
}
