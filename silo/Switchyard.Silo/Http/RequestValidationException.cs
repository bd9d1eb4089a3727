namespace Switchyard.Silo.Http;

/// <summary>A request field that is missing, of the wrong type, or out of range.</summary>
public sealed class RequestValidationException(string message, string? param) : Exception(message)
{
    /// <summary>The offending field, as a JSON path such as <c>messages[0].content</c>.</summary>
    public string? Param { get; } = param;
}
