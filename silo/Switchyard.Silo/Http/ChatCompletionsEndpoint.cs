using System.Text.RegularExpressions;
using Switchyard.Completion;
using Switchyard.Models;

namespace Switchyard.Silo.Http;

/// <summary><c>POST /v1/chat/completions</c>: OpenAI-compatible, routed by Switchyard.</summary>
public static partial class ChatCompletionsEndpoint
{
    /// <summary>Response headers carrying the routing metadata.</summary>
    public const string RequestIdHeader = "x-switchyard-request-id";

    /// <inheritdoc cref="RequestIdHeader"/>
    public const string ModelHeader = "x-switchyard-model";

    /// <inheritdoc cref="RequestIdHeader"/>
    public const string CacheHeader = "x-switchyard-cache";

    /// <inheritdoc cref="RequestIdHeader"/>
    public const string CostHeader = "x-switchyard-cost-usd";

    /// <inheritdoc cref="RequestIdHeader"/>
    public const string EscalationsHeader = "x-switchyard-escalations";

    /// <summary>Handles one request.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context, IGrainFactory grains, ModelCatalog catalog, ILoggerFactory loggers)
    {
        // A caller may name the request, so that its retries are idempotent: the budget charges an id once.
        var requestId = context.Request.Headers[RequestIdHeader].ToString() is { Length: > 0 } given ? given : Uuid7.New(DateTimeOffset.UtcNow).ToString("N");
        if (!RequestIdPattern().IsMatch(requestId))
        {
            return ApiError.BadRequest($"The {RequestIdHeader} header must be 1-64 letters, digits, '-', '_', '.' or ':'.", RequestIdHeader);
        }

        context.Response.Headers[RequestIdHeader] = requestId;

        var (document, unreadable) = await RequestJson.ParseAsync(context);
        if (document is null)
        {
            return unreadable!;
        }

        ChatCompletionCall call;
        using (document)
        {
            try
            {
                call = ChatCompletionRequestReader.Read(
                    document.RootElement, requestId, TenantAuthenticationFilter.TenantOf(context),
                    context.Request.Headers[ChatCompletionRequestReader.TaskTypeHeader]);
            }
            catch (RequestValidationException exception)
            {
                return ApiError.BadRequest(exception.Message, exception.Param);
            }
        }

        var request = call.Request;
        if (!request.Model.Equals(CompletionRequest.AutoModel, StringComparison.OrdinalIgnoreCase) && !catalog.TryGet(request.Model, out _))
        {
            return ApiError.BadRequest(
                $"The model '{request.Model}' does not exist. Use 'auto' or one of: {string.Join(", ", catalog.All.Select(m => m.Name))}.",
                "model", "model_not_found");
        }

        if (context.Request.Headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase))
        {
            request = request with { Cache = CachePolicy.NoStore };
        }

        CompletionResult result;
        try
        {
            // Through the local stateless worker rather than the pipeline directly: calling the pipeline from
            // the request's own context, outside any activation, measured 5-18 % more CPU per request
            // (docs/benchmarks.md, Gateway overhead).
            result = await grains.Reference<ICompletionGrain>(0).Complete(request);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            // The request was valid; what failed is a dependency (grain storage, the cluster). Say so,
            // and let the caller retry: nothing was charged that the response did not acknowledge.
            Log.DependencyFailed(loggers.CreateLogger(typeof(ChatCompletionsEndpoint).FullName!), exception);
            context.Response.Headers.RetryAfter = "1";
            return ApiError.Result(StatusCodes.Status503ServiceUnavailable,
                "Switchyard could not complete the request: its storage or cluster is unreachable right now. Retry shortly with the same x-switchyard-request-id so it is charged at most once.", "api_error", "service_unavailable");
        }
        if (result.Error is { } error)
        {
            return error.Kind switch
            {
                CompletionErrorKind.BudgetExceeded => ApiError.BudgetExceeded(error.Message),
                CompletionErrorKind.ProviderFailed => ApiError.Result(StatusCodes.Status502BadGateway, error.Message, "api_error", "provider_failed"),
                CompletionErrorKind.AlreadyCompleted => ApiError.Result(StatusCodes.Status409Conflict, error.Message, "invalid_request_error", "request_already_completed", RequestIdHeader),
                _ => ApiError.BadRequest(error.Message),
            };
        }

        var headers = context.Response.Headers;
        headers[ModelHeader] = result.Model;
        headers[CacheHeader] = WireNames.Cache(result.Cache);
        headers[CostHeader] = result.CostUsd.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers[EscalationsHeader] = result.Escalations.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = ToResponse(request, result);
        if (!call.Stream)
        {
            return TypedResults.Json(response, ApiJsonContext.Api.ChatCompletionResponse);
        }

        await ChatCompletionStream.WriteAsync(context.Response, response, call.IncludeUsage, context.RequestAborted);
        return TypedResults.Empty;
    }

    private static ChatCompletionResponse ToResponse(CompletionRequest request, CompletionResult result) => new(
        $"chatcmpl-{result.RequestId}",
        "chat.completion",
        DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        result.Model,
        [new ChatCompletionResponse.Choice(0, new ChatCompletionResponse.Message("assistant", result.Content), result.FinishReason)],
        new ChatCompletionResponse.UsageBody(
            result.Usage.InputTokens, result.Usage.OutputTokens, result.Usage.TotalTokens,
            new ChatCompletionResponse.PromptDetails(result.Usage.CachedInputTokens)),
        new ChatCompletionResponse.Routing(
            result.RequestId,
            request.TaskType,
            WireNames.Tier(result.Tier),
            WireNames.Cache(result.Cache),
            result.CostUsd,
            result.Escalations,
            [.. result.TiersTried.Select(WireNames.Tier)],
            result.Confidence));

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,64}$")]
    private static partial Regex RequestIdPattern();

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "A completion failed in a dependency; answered 503")]
        public static partial void DependencyFailed(ILogger logger, Exception exception);
    }
}
