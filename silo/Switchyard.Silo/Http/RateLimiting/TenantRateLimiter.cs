using System.Collections.Concurrent;
using Switchyard.RateLimiting;

namespace Switchyard.Silo.Http.RateLimiting;

/// <summary>
/// Applies each tenant's requests- and tokens-per-minute limits across the whole cluster. The window is
/// the tenant's <see cref="ITenantRateLimitGrain"/>; this silo leases a few requests at a time from it
/// and admits them without a grain call until they run out or the window's minute ends. A limited
/// tenant costs one grain call per lease; a tenant without limits, none.
/// </summary>
/// <remarks>
/// A silo may hold leased requests it never uses when the window fills: at most one lease per silo,
/// so near the limit the cluster can refuse a few requests early, never admit more than the limit. If
/// the window cannot be reached the request is admitted (rate limits protect capacity, not money; the
/// budget still holds every call to its caps) and a warning is logged: a lease that takes longer than
/// <see cref="LeaseTimeout"/> is given up, and for <see cref="FailOpenPeriod"/> after that the silo
/// admits the tenant's requests without asking, so an outage costs one wait, not one per request.
/// </remarks>
public sealed partial class TenantRateLimiter(IGrainFactory grains, TimeProvider time, ILogger<TenantRateLimiter> logger)
{
    // Token-only limits lease this many requests at a time: a silo learns within this many requests that
    // the window's tokens ran out.
    private const int TokenOnlyLease = 8;

    /// <summary>How long a request waits for a lease before it is admitted without one.</summary>
    public static readonly TimeSpan LeaseTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How long after a failed lease the silo admits a tenant's requests without asking.</summary>
    public static readonly TimeSpan FailOpenPeriod = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Lease> _leases = new(StringComparer.Ordinal);

    /// <summary>Requests a silo leases at once under a request limit: a twentieth of it, at least 1 and at most 50.</summary>
    public static int LeaseSize(int? requestsPerMinute) =>
        requestsPerMinute is { } limit ? Math.Clamp(limit / 20, 1, 50) : TokenOnlyLease;

    /// <summary>Admits a request of <paramref name="tenantId"/> unless its window is full.</summary>
    /// <returns>Null when the request may go ahead; otherwise how long until the window ends.</returns>
    public async ValueTask<TimeSpan?> TryAcquireAsync(string tenantId, int? requestsPerMinute, int? tokensPerMinute)
    {
        if (requestsPerMinute is null && tokensPerMinute is null)
        {
            return null;
        }

        var lease = _leases.GetOrAdd(tenantId, _ => new Lease());
        while (true)
        {
            Task renewing;
            lock (lease)
            {
                var now = time.GetTimestamp();
                if (now < lease.OpenUntil)
                {
                    return null;
                }

                if (now < lease.ExpiresAt)
                {
                    if (lease.Requests > 0)
                    {
                        lease.Requests--;
                        return null;
                    }

                    if (lease.Full)
                    {
                        var seconds = Math.Ceiling((double)(lease.ExpiresAt - now) / time.TimestampFrequency);
                        return TimeSpan.FromSeconds(Math.Max(1, seconds));
                    }
                }

                // One renewal at a time per tenant: requests that find the lease spent wait for the same call.
                if (lease.Renewing is not { IsCompleted: false })
                {
                    lease.Renewing = RenewAsync(tenantId, lease, requestsPerMinute, tokensPerMinute);
                }

                renewing = lease.Renewing;
            }

            try
            {
                await renewing;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                lock (lease)
                {
                    // Every request that waited on the failed lease lands here; the first one logs and opens.
                    var now = time.GetTimestamp();
                    if (now >= lease.OpenUntil)
                    {
                        lease.OpenUntil = now + (long)(FailOpenPeriod.TotalSeconds * time.TimestampFrequency);
                        LogWindowUnreachable(logger, exception);
                    }
                }

                return null;
            }
        }
    }

    /// <summary>Adds the tokens of an answered request to its tenant's window, when the tenant has a token limit.</summary>
    public void RecordTokens(string tenantId, int tokens, int? tokensPerMinute)
    {
        if (tokensPerMinute is null || tokens <= 0 || !_leases.TryGetValue(tenantId, out var lease))
        {
            return;
        }

        long minute;
        lock (lease)
        {
            minute = lease.Minute;
        }

        grains.GetGrain<ITenantRateLimitGrain>(GrainKeys.RateLimit(tenantId)).AddTokens(minute, tokens).Ignore();
    }

    private async Task RenewAsync(string tenantId, Lease lease, int? requestsPerMinute, int? tokensPerMinute)
    {
        var granted = await grains.GetGrain<ITenantRateLimitGrain>(GrainKeys.RateLimit(tenantId))
            .Lease(new RateLeaseRequest(LeaseSize(requestsPerMinute), requestsPerMinute, tokensPerMinute))
            .WaitAsync(LeaseTimeout, time);
        lock (lease)
        {
            if (granted.Minute != lease.Minute)
            {
                // What is left of an earlier minute's lease lapses with it.
                lease.Requests = 0;
            }

            lease.Minute = granted.Minute;
            lease.Requests += granted.Requests;
            lease.Full = granted.Requests == 0;

            // The grain's clock says when its window ends; this silo measures that span on its own monotonic clock, so clock skew between machines does not matter.
            lease.ExpiresAt = time.GetTimestamp() + (long)(granted.Remaining.TotalSeconds * time.TimestampFrequency);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A tenant's rate-limit window could not be reached; its requests are admitted without it for a while")]
    private static partial void LogWindowUnreachable(ILogger logger, Exception exception);

    private sealed class Lease
    {
        public long Minute { get; set; } = -1;

        public int Requests { get; set; }

        public bool Full { get; set; }

        public long ExpiresAt { get; set; } = long.MinValue;

        public long OpenUntil { get; set; } = long.MinValue;

        public Task? Renewing { get; set; }
    }
}
