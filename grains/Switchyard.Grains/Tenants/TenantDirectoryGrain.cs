using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Switchyard.Tenants;

/// <summary>
/// Keeps the tenants created through the admin API. Not reentrant: puts are rare and each is written
/// to storage before it returns, one at a time, so no update is lost.
/// </summary>
public sealed class TenantDirectoryGrain(
    [PersistentState("tenants", SwitchyardStorage.Name)] IPersistentState<TenantDirectoryState> state) : Grain, ITenantDirectoryGrain
{
    async Task ITenantDirectoryGrain.Put(string tenantId, TenantRecord tenant)
    {
        state.State.Tenants = state.State.Tenants.SetItem(tenantId, tenant);
        await state.WriteStateAsync();
    }

    [ReadOnly]
    Task<ImmutableDictionary<string, TenantRecord>> ITenantDirectoryGrain.GetAll() => Task.FromResult(state.State.Tenants);
}
