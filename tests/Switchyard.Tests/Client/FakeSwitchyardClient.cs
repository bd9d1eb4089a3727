using Switchyard.Client;
using Switchyard.Completion;

namespace Switchyard.Tests.Client;

/// <summary>An <see cref="ISwitchyardClient"/> that records each call and answers with a set completion or exception.</summary>
internal sealed class FakeSwitchyardClient(SwitchyardCompletion? completion = null, Exception? failure = null) : ISwitchyardClient
{
    public List<Call> Calls { get; } = [];

    public Task<SwitchyardCompletion> CompleteAsync(
        string tenantId, string taskType, IEnumerable<PromptMessage> messages, SwitchyardRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls.Add(new Call(tenantId, taskType, [.. messages], options ?? SwitchyardRequestOptions.Default));
        return failure is null
            ? Task.FromResult(completion ?? Completions.Escalated())
            : Task.FromException<SwitchyardCompletion>(failure);
    }

    internal sealed record Call(string TenantId, string TaskType, IReadOnlyList<PromptMessage> Messages, SwitchyardRequestOptions Options);
}
