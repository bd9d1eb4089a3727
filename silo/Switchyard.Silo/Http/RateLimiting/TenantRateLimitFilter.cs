using System.Globalization;
using Switchyard.Tenants;

namespace Switchyard.Silo.Http.RateLimiting;

/// <summary>
/// Applies the calling tenant's requests- and tokens-per-minute limits to chat completions: over a
/// limit, the answer is 429 with <c>Retry-After</c> (seconds) in the OpenAI error shape.
/// </summary>
public sealed class TenantRateLimitFilter(TenantRateLimiter limiter, TenantDirectory directory) : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var tenant = TenantAuthenticationFilter.TenantOf(context.HttpContext);
        var (rpm, tpm) = directory.RateLimitsOf(tenant);
        if (await limiter.TryAcquireAsync(tenant, rpm, tpm) is { } retryAfter)
        {
            context.HttpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return ApiError.Result(
                StatusCodes.Status429TooManyRequests,
                $"Rate limit reached for tenant '{tenant}' ({Describe(rpm, tpm)}). Retry after {(int)retryAfter.TotalSeconds} s.",
                "rate_limit_error",
                "rate_limit_exceeded");
        }

        var result = await next(context);
        if (result is IValueHttpResult { Value: ChatCompletionResponse response })
        {
            limiter.RecordTokens(tenant, response.Usage.TotalTokens, tpm);
        }

        return result;
    }

    private static string Describe(int? rpm, int? tpm) =>
        string.Join(", ", new[] { rpm is { } r ? $"{r} requests per minute" : null, tpm is { } t ? $"{t} tokens per minute" : null }.OfType<string>());
}
