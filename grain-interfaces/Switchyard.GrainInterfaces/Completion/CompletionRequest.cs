using System.Collections.Immutable;

namespace Switchyard.Completion;

/// <summary>One chat completion to route, for one tenant.</summary>
/// <param name="RequestId">Unique per request; budget holds and feedback refer to it.</param>
/// <param name="TenantId">The tenant that pays.</param>
/// <param name="TaskType">Selects the routing policy (<c>default</c> when the caller gives none).</param>
/// <param name="Model"><c>auto</c> to let the router choose, or a catalog model name to pin it.</param>
/// <param name="Messages">The conversation, oldest first.</param>
/// <param name="Temperature">Sampling temperature, when given.</param>
/// <param name="TopP">Nucleus sampling, when given.</param>
/// <param name="MaxTokens">The most completion tokens wanted, when given.</param>
/// <param name="ParametersJson">
/// Canonical JSON of every other parameter that changes the answer (tools, stop, seed, penalties),
/// or empty. It is part of the cache key.
/// </param>
/// <param name="Cache">What the request allows the cache to do.</param>
/// <param name="User">The end user, for cohorting; never used as a key.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.completion.CompletionRequest")]
public sealed record CompletionRequest(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string TenantId,
    [property: Id(2)] string TaskType,
    [property: Id(3)] string Model,
    [property: Id(4)] ImmutableArray<PromptMessage> Messages,
    [property: Id(5)] double? Temperature = null,
    [property: Id(6)] double? TopP = null,
    [property: Id(7)] int? MaxTokens = null,
    [property: Id(8)] string ParametersJson = "",
    [property: Id(9)] CachePolicy Cache = CachePolicy.Default,
    [property: Id(10)] string? User = null)
{
    /// <summary>The model name that asks the router to choose.</summary>
    public const string AutoModel = "auto";

    /// <summary>The task type used when a request names none.</summary>
    public const string DefaultTaskType = "default";
}
