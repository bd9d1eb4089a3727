namespace Switchyard.Silo.Http;

/// <summary>Lets a <c>/admin</c> request through only with the admin key, compared in constant time.</summary>
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

        var key = BearerToken.From(context.HttpContext.Request) ?? BasicPassword(context.HttpContext.Request);
        if (key is null || !keys.IsAdmin(key))
        {
            // Browsers answer a Basic challenge with a sign-in prompt: the admin key is the password.
            context.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"Switchyard admin\", charset=\"UTF-8\"";
            return ApiError.Unauthorized("The admin API needs the admin key as 'Authorization: Bearer <key>' (or as the password of Basic authentication).");
        }

        return await next(context);
    }

    private static string? BasicPassword(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Basic ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var credentials = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(header[scheme.Length..].Trim()));
            var colon = credentials.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : credentials[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
