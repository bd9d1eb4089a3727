using System.Text.Json.Serialization;

namespace Switchyard.Silo.Http;

/// <summary>The OpenAI error shape: <c>{"error": {"message", "type", "param", "code"}}</c>.</summary>
public sealed record ApiError([property: JsonPropertyName("error")] ApiError.Body Error)
{
    /// <summary>The inside of an error.</summary>
    public sealed record Body(
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("param")] string? Param,
        [property: JsonPropertyName("code")] string? Code);

    /// <summary>An error response with <paramref name="status"/>.</summary>
    public static IResult Result(int status, string message, string type, string? code, string? param = null) =>
        TypedResults.Json(new ApiError(new Body(message, type, param, code)), ApiJsonContext.Api.ApiError, statusCode: status);

    /// <summary>400: the request is malformed or invalid.</summary>
    public static IResult BadRequest(string message, string? param = null, string code = "invalid_request") =>
        Result(StatusCodes.Status400BadRequest, message, "invalid_request_error", code, param);

    /// <summary>401: no key, or a key that matches no tenant.</summary>
    public static IResult Unauthorized(string message) =>
        Result(StatusCodes.Status401Unauthorized, message, "authentication_error", "invalid_api_key");

    /// <summary>402: the tenant's budget refused the call.</summary>
    public static IResult BudgetExceeded(string message) =>
        Result(StatusCodes.Status402PaymentRequired, message, "insufficient_quota", "budget_exceeded");

    /// <summary>413: the body is larger than allowed.</summary>
    public static IResult TooLarge(long limit) =>
        Result(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {limit} bytes.", "invalid_request_error", "request_too_large");
}
