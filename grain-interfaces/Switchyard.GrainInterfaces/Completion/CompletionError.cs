namespace Switchyard.Completion;

/// <summary>A completion that could not be served, with a message fit to show the caller.</summary>
[GenerateSerializer, Immutable]
[Alias("switchyard.completion.CompletionError")]
public sealed record CompletionError(
    [property: Id(0)] CompletionErrorKind Kind,
    [property: Id(1)] string Message);
