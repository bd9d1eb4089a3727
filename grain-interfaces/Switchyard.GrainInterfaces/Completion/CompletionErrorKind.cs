namespace Switchyard.Completion;

/// <summary>Why a completion could not be served.</summary>
[GenerateSerializer]
public enum CompletionErrorKind
{
    /// <summary>The request itself is wrong (an unknown model, an invalid task type).</summary>
    InvalidRequest = 0,

    /// <summary>The tenant's budget refused the reservation.</summary>
    BudgetExceeded = 1,

    /// <summary>Every model that could answer failed.</summary>
    ProviderFailed = 2,

    /// <summary>
    /// A request with this id was already completed and charged (a retry whose first attempt's answer
    /// was lost); it is not run or charged again.
    /// </summary>
    AlreadyCompleted = 3,
}
