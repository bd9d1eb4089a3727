using Switchyard.Completion;

namespace Switchyard.Client;

/// <summary>Switchyard could not serve a completion. <see cref="Kind"/> tells a budget refusal from a failure.</summary>
public sealed class SwitchyardException : Exception
{
    /// <summary>Creates the exception for a request the cluster refused or failed.</summary>
    public SwitchyardException(CompletionErrorKind kind, string message, string requestId, decimal costUsd = 0m)
        : base(message)
    {
        Kind = kind;
        RequestId = requestId;
        CostUsd = costUsd;
    }

    /// <summary>Why the request could not be served.</summary>
    public CompletionErrorKind Kind { get; }

    /// <summary>The request's id.</summary>
    public string RequestId { get; }

    /// <summary>What the request cost before it failed (tiers that answered and were rejected); usually 0.</summary>
    public decimal CostUsd { get; }

    /// <summary>True when the tenant's budget refused the request.</summary>
    public bool IsBudgetRefusal => Kind == CompletionErrorKind.BudgetExceeded;
}
