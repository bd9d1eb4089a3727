using Switchyard.Completion;

namespace Switchyard.Caching;

/// <summary>
/// The cacheability policy. A request is not cached when the cache is off, the request says
/// <c>Cache-Control: no-store</c>, or it samples above <see cref="CacheOptions.MaxCacheableTemperature"/>
/// (it asked for variety). It is cached by exact key only when it offers tools (which tool to call and
/// with what arguments depends on the exact wording), when its last message is not the user's, or when
/// its task type turns semantic matching off. Everything else is found by exact key and then by meaning.
/// </summary>
public static class CacheAdmission
{
    /// <summary>How <paramref name="request"/> may use the cache under <paramref name="options"/>.</summary>
    public static CacheMode Decide(CompletionRequest request, CacheOptions options)
    {
        if (!options.Enabled || request.Cache == CachePolicy.NoStore || request.Temperature > options.MaxCacheableTemperature)
        {
            return CacheMode.None;
        }

        var offersTools = request.ParametersJson.Contains("\"tools\"", StringComparison.Ordinal)
            || request.ParametersJson.Contains("\"tool_choice\"", StringComparison.Ordinal);
        var endsWithUser = !request.Messages.IsDefaultOrEmpty && request.Messages[^1].Role.Equals("user", StringComparison.OrdinalIgnoreCase);
        return offersTools || !endsWithUser || !options.SemanticFor(request.TaskType)
            ? CacheMode.ExactOnly
            : CacheMode.ExactAndSemantic;
    }
}
