using Orleans.Concurrency;

namespace Switchyard.Completion;

/// <summary>
/// The grain-client callers' way into the silo's <see cref="CompletionPipeline"/>. A stateless worker,
/// so the call runs on the silo that received it, and reentrant: the pipeline holds no state of its
/// own, so while one request waits for a model or a grain, the same activation serves others.
/// Without it a silo had only as many requests in flight as the stateless worker's activations (one
/// per core), and every other request queued behind them.
/// </summary>
[StatelessWorker]
[Reentrant]
public sealed class CompletionGrain(CompletionPipeline pipeline) : Grain, ICompletionGrain
{
    Task<CompletionResult> ICompletionGrain.Complete(CompletionRequest request) => pipeline.CompleteAsync(request);
}
