namespace Switchyard.Silo.Http;

/// <summary>
/// Resolves the tenant of a <c>/v1</c> request from its bearer key, or answers 401. The tenant comes
/// only from the key: nothing in the body or the path can name another tenant.
/// </summary>
public sealed class TenantAuthenticationFilter(TenantKeyRing keys) : IEndpointFilter
{
    private const string TenantItem = "switchyard.tenant";

    /// <summary>The tenant this filter authenticated for <paramref name="context"/>.</summary>
    public static string TenantOf(HttpContext context) => (string)context.Items[TenantItem]!;

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var key = BearerToken.From(context.HttpContext.Request);
        if (key is null)
        {
            return ApiError.Unauthorized("Missing API key. Send it as 'Authorization: Bearer <key>'.");
        }

        if (keys.FindTenant(key) is not { } tenant)
        {
            return ApiError.Unauthorized("Invalid API key.");
        }

        context.HttpContext.Items[TenantItem] = tenant;
        return await next(context);
    }
}
