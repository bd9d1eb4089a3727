namespace Switchyard.Routing.Confidence;

/// <summary>Where a task type's answer confidence comes from (<c>Switchyard:Routing:TaskTypes:&lt;t&gt;:Confidence</c>).</summary>
public enum ConfidenceSource
{
    /// <summary>
    /// What the model client reports with the answer: the simulated models' confidence, a replayed
    /// agreement deployment's agreement (1 or 0); none for plain providers, whose answers are accepted.
    /// </summary>
    Provider = 0,

    /// <summary>
    /// The model reports it: it is asked to answer with a JSON object <c>{"label", "confidence"}</c>;
    /// the label is the answer compared for agreement, and an answer that is not such an object has confidence 0.
    /// </summary>
    SelfReported = 1,

    /// <summary>
    /// The answer's log-probabilities, when the provider returns them (OpenAI-compatible providers are
    /// asked for them): the geometric mean of the tokens' probabilities. Without them, as <see cref="Provider"/>.
    /// </summary>
    Logprobs = 2,
}
