namespace Switchyard.Budget;

/// <summary>
/// Where budget grains keep their money: per tenant, a snapshot of the state and a journal of the
/// changes made since it. A journal append is small whatever the state's size, so a busy tenant's
/// writes stay cheap; the snapshot is rewritten only now and then.
/// </summary>
public interface IBudgetStore
{
    /// <summary>Opens the journal of <paramref name="tenantId"/>, reading what it holds so far.</summary>
    Task<IBudgetJournal> OpenAsync(string tenantId, CancellationToken cancellationToken = default);
}
