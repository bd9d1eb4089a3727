using Orleans.Concurrency;

namespace Switchyard.RateLimiting;

/// <summary>
/// The cluster-wide requests- and tokens-per-minute window of one tenant (key: tenant id). Silos do not
/// ask it for every request: each leases a few requests at a time and admits them locally, so the
/// cluster admits at most the tenant's limit in a minute however many silos share the traffic.
/// </summary>
[Alias("switchyard.ratelimiting.ITenantRateLimitGrain")]
public interface ITenantRateLimitGrain : IGrainWithStringKey
{
    /// <summary>Grants up to <see cref="RateLeaseRequest.Requests"/> requests of the current minute.</summary>
    [Alias("Lease")]
    Task<RateLease> Lease(RateLeaseRequest request);

    /// <summary>Adds the tokens of answered requests to window <paramref name="minute"/> (ignored once that minute is over).</summary>
    [OneWay, Alias("AddTokens")]
    Task AddTokens(long minute, long tokens);
}

/// <summary>A silo's request for requests of the current minute.</summary>
/// <param name="Requests">How many it would like (its lease size).</param>
/// <param name="RequestsPerMinute">The tenant's request limit, or null.</param>
/// <param name="TokensPerMinute">The tenant's token limit, or null.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.ratelimiting.RateLeaseRequest")]
public sealed record RateLeaseRequest(
    [property: Id(0)] int Requests,
    [property: Id(1)] int? RequestsPerMinute,
    [property: Id(2)] int? TokensPerMinute);

/// <summary>What the window granted.</summary>
/// <param name="Minute">The window (minutes since the Unix epoch, UTC) the requests belong to.</param>
/// <param name="Requests">Requests granted; 0 when the window is full.</param>
/// <param name="Remaining">Time left in the window, by the grain's clock: the lease lapses then, and a refused caller retries then.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.ratelimiting.RateLease")]
public sealed record RateLease(
    [property: Id(0)] long Minute,
    [property: Id(1)] int Requests,
    [property: Id(2)] TimeSpan Remaining);
