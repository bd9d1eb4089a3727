using Microsoft.Extensions.Time.Testing;
using Switchyard.Silo.Http.RateLimiting;

namespace Switchyard.Tests.Http.RateLimiting;

public sealed class TenantRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 15, TimeSpan.Zero));

    [Fact]
    public void TryAcquire_PastTheRequestsPerMinute_RefusesUntilTheNextMinute()
    {
        var limiter = new TenantRateLimiter(_time);

        var first = limiter.TryAcquire("acme", requestsPerMinute: 2, tokensPerMinute: null);
        var second = limiter.TryAcquire("acme", 2, null);
        var third = limiter.TryAcquire("acme", 2, null);
        var otherTenant = limiter.TryAcquire("globex", 2, null);
        _time.Advance(TimeSpan.FromSeconds(45));
        var nextMinute = limiter.TryAcquire("acme", 2, null);

        Assert.Null(first);
        Assert.Null(second);
        Assert.Equal(TimeSpan.FromSeconds(45), third);
        Assert.Null(otherTenant);
        Assert.Null(nextMinute);
    }

    [Fact]
    public void TryAcquire_OnceTheWindowsTokensReachTheLimit_Refuses()
    {
        var limiter = new TenantRateLimiter(_time);

        var first = limiter.TryAcquire("acme", null, tokensPerMinute: 100);
        limiter.RecordTokens("acme", 120);
        var second = limiter.TryAcquire("acme", null, 100);

        Assert.Null(first);
        Assert.NotNull(second);
    }

    [Fact]
    public void TryAcquire_WithoutLimits_AlwaysLetsThrough()
    {
        var limiter = new TenantRateLimiter(_time);

        Assert.All(Enumerable.Range(0, 1000), _ => Assert.Null(limiter.TryAcquire("acme", null, null)));
    }
}
