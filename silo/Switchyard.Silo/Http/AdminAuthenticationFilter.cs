namespace Switchyard.Silo.Http;

/// <summary>Lets a <c>/admin</c> request through only with the admin key.</summary>
public sealed class AdminAuthenticationFilter(TenantKeyRing keys) : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!keys.HasAdminKey)
        {
            return ApiError.Result(StatusCodes.Status403Forbidden,
                "The admin API is off: set Switchyard:AdminApiKey to turn it on.", "permission_error", "admin_disabled");
        }

        var key = BearerToken.From(context.HttpContext.Request);
        if (key is null || !keys.IsAdmin(key))
        {
            return ApiError.Unauthorized("The admin API needs the admin key as 'Authorization: Bearer <key>'.");
        }

        return await next(context);
    }
}
