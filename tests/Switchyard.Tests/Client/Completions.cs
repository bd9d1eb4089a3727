using Switchyard.Client;
using Switchyard.Completion;
using Switchyard.Routing;

namespace Switchyard.Tests.Client;

/// <summary>Sample results and completions with distinctive values, so a test can see each one was carried over.</summary>
internal static class Completions
{
    public const string RequestId = "0197aa00b1c27d3e8f4a5b6c7d8e9f01";

    /// <summary>An answer served by the mid tier after the cheap tier was rejected.</summary>
    public static CompletionResult EscalatedResult(string requestId = RequestId) => new(
        requestId,
        "Paris is the capital of France.",
        "sim-mid",
        ModelTier.Mid,
        CacheResult.Miss,
        0.000123m,
        1,
        [ModelTier.Cheap, ModelTier.Mid],
        new TokenUsage(42, 8, 17),
        0.91,
        "stop");

    /// <summary>The completion of <see cref="EscalatedResult"/>.</summary>
    public static SwitchyardCompletion Escalated() => SwitchyardCompletion.From(EscalatedResult());
}
