using Microsoft.AspNetCore.Diagnostics;

namespace Switchyard.Silo.Http;

/// <summary>Every error the host itself produces, in the OpenAI error shape and without internals.</summary>
public static class ErrorHandlingExtensions
{
    /// <summary>Unknown paths, wrong methods and unexpected failures answer in the OpenAI error shape.</summary>
    public static WebApplication UseSwitchyardErrors(this WebApplication app)
    {
        app.UseExceptionHandler(handler => handler.Run(async context =>
        {
            var failure = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var (status, message, code) = failure is BadHttpRequestException bad
                ? (bad.StatusCode, "The request could not be read.", "bad_request")
                : (StatusCodes.Status500InternalServerError, "Switchyard failed to handle the request. It has been logged; retry later.", "internal_error");
            await ApiError.Result(status, message, status >= 500 ? "api_error" : "invalid_request_error", code).ExecuteAsync(context);
        }));

        app.UseStatusCodePages(async status =>
        {
            var context = status.HttpContext;
            var (message, code) = context.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => ($"Unknown path {context.Request.Path}.", "not_found"),
                StatusCodes.Status405MethodNotAllowed => ($"{context.Request.Method} is not allowed on {context.Request.Path}.", "method_not_allowed"),
                StatusCodes.Status413PayloadTooLarge => ("The request body is too large.", "request_too_large"),
                _ => ("The request failed.", "error"),
            };
            await ApiError.Result(context.Response.StatusCode, message, "invalid_request_error", code).ExecuteAsync(context);
        });
        return app;
    }
}
