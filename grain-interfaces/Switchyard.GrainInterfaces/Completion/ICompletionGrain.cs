namespace Switchyard.Completion;

/// <summary>
/// Carries one request through cache, router, budget and models. A reentrant stateless worker: it runs
/// on the silo that received the call, with many requests in flight at once, so it scales with the
/// silos and is never a hot spot.
/// </summary>
[Alias("switchyard.completion.ICompletionGrain")]
public interface ICompletionGrain : IGrainWithIntegerKey
{
    /// <summary>Serves <paramref name="request"/>: from the cache, or from the cheapest tier trusted for it.</summary>
    [Alias("Complete")]
    Task<CompletionResult> Complete(CompletionRequest request);
}
