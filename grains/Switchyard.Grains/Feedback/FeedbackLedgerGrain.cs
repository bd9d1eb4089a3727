using Microsoft.Extensions.Options;
using Switchyard.Routing;

namespace Switchyard.Feedback;

/// <summary>
/// A tenant's recently served answers, in memory only: feedback is a learning signal, not money, so
/// losing the memory on deactivation costs a few labels, while persisting every request would put a
/// storage write on every response.
/// </summary>
public sealed class FeedbackLedgerGrain(IOptions<FeedbackOptions> options) : Grain, IFeedbackLedgerGrain
{
    private readonly RecentAnswers _answers = new(options.Value.Capacity);

    Task IFeedbackLedgerGrain.Remember(ServedAnswer answer)
    {
        _answers.Add(answer);
        return Task.CompletedTask;
    }

    async Task<bool> IFeedbackLedgerGrain.Rate(string requestId, bool correct)
    {
        if (_answers.Find(requestId) is not { } answer)
        {
            return false;
        }

        var label = correct ? OutcomeLabel.Right : OutcomeLabel.Wrong;
        var observation = new RouteObservation(answer.Tier, answer.Confidence, label, IsCall: false, 0m, answer.Escalated, answer.Canary, Served: true, answer.RequestId);
        foreach (var (key, labelled) in RouterFeed.Routes(answer.RouterKey ?? GrainKeys.Router(answer.TaskType), answer.TaskType, observation))
        {
            await GrainFactory.GetGrain<ITaskRouterGrain>(key).Learn([labelled]);
        }

        return true;
    }
}
