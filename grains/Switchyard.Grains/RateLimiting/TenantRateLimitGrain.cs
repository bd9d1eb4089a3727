namespace Switchyard.RateLimiting;

/// <summary>
/// A tenant's cluster-wide rate window (see <see cref="ITenantRateLimitGrain"/>). In memory only: a
/// window lasts a minute, so losing it with its activation at most lets one minute's requests through
/// twice, which a storage write on every lease would not be worth.
/// </summary>
public sealed class TenantRateLimitGrain(TimeProvider time) : Grain, ITenantRateLimitGrain
{
    private readonly RateWindow _window = new();

    Task<RateLease> ITenantRateLimitGrain.Lease(RateLeaseRequest request) =>
        Task.FromResult(_window.Lease(request, time.GetUtcNow()));

    Task ITenantRateLimitGrain.AddTokens(long minute, long tokens)
    {
        _window.AddTokens(minute, tokens, time.GetUtcNow());
        return Task.CompletedTask;
    }
}
