namespace Switchyard.Routing.Learning;

/// <summary>
/// Turns a routed request's outcome into observations. Every attempt is a call; an attempt the
/// request escalated past is labelled by whether the served (stronger) answer agrees with it — a
/// frontier answer that agrees with the cheap one says the cheap one was right. The served answer
/// stays unlabelled until feedback or an audit says otherwise.
/// </summary>
public static class OutcomeObservations
{
    /// <summary>The observations in <paramref name="outcome"/>.</summary>
    public static IEnumerable<RouteObservation> Of(RouteOutcome outcome)
    {
        var served = outcome.Attempts.IsDefaultOrEmpty ? null : outcome.Attempts[^1].AnswerKey;
        for (var i = 0; i < outcome.Attempts.Length; i++)
        {
            var attempt = outcome.Attempts[i];
            var label = attempt.Accepted || served is null || attempt.AnswerKey is null
                ? OutcomeLabel.Unknown
                : attempt.AnswerKey == served ? OutcomeLabel.Right : OutcomeLabel.Wrong;
            yield return new RouteObservation(attempt.Tier, attempt.Confidence, label, IsCall: true, attempt.CostUsd, Escalated: i > 0);
        }
    }
}
