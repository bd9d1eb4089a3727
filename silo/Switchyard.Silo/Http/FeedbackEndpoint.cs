using System.Text.Json;
using Switchyard.Feedback;

namespace Switchyard.Silo.Http;

/// <summary>
/// <c>POST /v1/feedback {"request_id", "correct": bool | "score": 0..1}</c>: tells the router whether a
/// served answer was right. The request must be one of the calling tenant's own; an unknown (or
/// another tenant's, or long forgotten) request id is a 404. A score of at least 0.5 counts as right.
/// </summary>
public static class FeedbackEndpoint
{
    /// <summary>Handles one feedback.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context, IGrainFactory grains)
    {
        var (document, unreadable) = await RequestJson.ParseAsync(context);
        if (document is null)
        {
            return unreadable!;
        }

        string requestId;
        bool correct;
        using (document)
        {
            var body = document.RootElement;
            if (body.ValueKind != JsonValueKind.Object)
            {
                return ApiError.BadRequest("The request body must be a JSON object.");
            }

            if (!body.TryGetProperty("request_id", out var id) || id.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(id.GetString()))
            {
                return ApiError.BadRequest("'request_id' is required: the x-switchyard-request-id of the response.", "request_id");
            }

            requestId = id.GetString()!;
            var hasCorrect = body.TryGetProperty("correct", out var correctValue);
            var hasScore = body.TryGetProperty("score", out var scoreValue);
            if (hasCorrect == hasScore)
            {
                return ApiError.BadRequest("Send exactly one of 'correct' (true or false) and 'score' (0 to 1).", hasCorrect ? "score" : "correct");
            }

            if (hasCorrect)
            {
                if (correctValue.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    return ApiError.BadRequest("'correct' must be true or false.", "correct");
                }

                correct = correctValue.GetBoolean();
            }
            else
            {
                if (scoreValue.ValueKind != JsonValueKind.Number || !scoreValue.TryGetDouble(out var score) || score is < 0 or > 1)
                {
                    return ApiError.BadRequest("'score' must be a number from 0 to 1.", "score");
                }

                correct = score >= 0.5;
            }
        }

        var tenant = TenantAuthenticationFilter.TenantOf(context);
        var known = await grains.GetGrain<IFeedbackLedgerGrain>(GrainKeys.Feedback(tenant)).Rate(requestId, correct);
        return known
            ? TypedResults.Json(new FeedbackResponse(requestId, correct), ApiJsonContext.Api.FeedbackResponse)
            : ApiError.Result(StatusCodes.Status404NotFound, $"No recent request '{requestId}' of this tenant is known.", "invalid_request_error", "request_not_found", "request_id");
    }
}
