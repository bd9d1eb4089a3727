using Orleans.Concurrency;

namespace Switchyard.Feedback;

/// <summary>
/// A tenant's recently served answers (key: tenant id, see <see cref="GrainKeys.Feedback"/>). Feedback
/// is resolved here, so a tenant can only ever rate its own requests. Bounded: the oldest answers
/// are forgotten first.
/// </summary>
[Alias("switchyard.feedback.IFeedbackLedgerGrain")]
public interface IFeedbackLedgerGrain : IGrainWithStringKey
{
    /// <summary>Remembers a served answer. One-way: never on the response's critical path.</summary>
    [OneWay, Alias("Remember")]
    Task Remember(ServedAnswer answer);

    /// <summary>
    /// Applies feedback to a remembered answer: <paramref name="correct"/> teaches its task type's
    /// router. Returns false when the request id is unknown to this tenant (or already forgotten).
    /// </summary>
    [Alias("Rate")]
    Task<bool> Rate(string requestId, bool correct);
}
