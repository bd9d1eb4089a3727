using Switchyard.Completion;

namespace Switchyard.Tests.Client;

/// <summary>An <see cref="ICompletionGrain"/> that records each request and answers with a set result.</summary>
internal sealed class FakeCompletionGrain(Func<CompletionRequest, CompletionResult> answer) : ICompletionGrain
{
    public List<CompletionRequest> Requests { get; } = [];

    public Task<CompletionResult> Complete(CompletionRequest request)
    {
        Requests.Add(request);
        return Task.FromResult(answer(request));
    }
}
