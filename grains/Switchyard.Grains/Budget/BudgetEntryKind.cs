namespace Switchyard.Budget;

/// <summary>The kinds of change a budget journal records.</summary>
public enum BudgetEntryKind
{
    /// <summary>A request's total hold was set.</summary>
    Hold = 0,

    /// <summary>A request was charged and its hold dropped.</summary>
    Settle = 1,

    /// <summary>A request's hold was dropped without a charge.</summary>
    Release = 2,

    /// <summary>A budget alert fired (its name is in the request id field); it fires once per period.</summary>
    Alert = 3,
}
