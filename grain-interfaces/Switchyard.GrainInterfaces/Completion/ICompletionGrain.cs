namespace Switchyard.Completion;

/// <summary>
/// Carries one request through cache, router, budget and models. A stateless worker: Orleans runs
/// as many activations per silo as load needs, so it scales with the silos and is never a hot spot.
/// </summary>
[Alias("switchyard.completion.ICompletionGrain")]
public interface ICompletionGrain : IGrainWithIntegerKey
{
    /// <summary>Serves <paramref name="request"/>: from the cache, or from the cheapest tier trusted for it.</summary>
    [Alias("Complete")]
    Task<CompletionResult> Complete(CompletionRequest request);
}
