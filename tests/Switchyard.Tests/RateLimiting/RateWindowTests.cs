using Switchyard.RateLimiting;

namespace Switchyard.Tests.RateLimiting;

public sealed class RateWindowTests
{
    private static readonly DateTimeOffset MinuteStart = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Lease_GrantsUpToTheRequestLimit_ThenNothingUntilTheNextMinute()
    {
        var window = new RateWindow();
        var limited = new RateLeaseRequest(Requests: 4, RequestsPerMinute: 10, TokensPerMinute: null);

        var first = window.Lease(limited, MinuteStart.AddSeconds(1));
        var second = window.Lease(limited, MinuteStart.AddSeconds(2));
        var third = window.Lease(limited, MinuteStart.AddSeconds(3));
        var full = window.Lease(limited, MinuteStart.AddSeconds(45));
        var nextMinute = window.Lease(limited, MinuteStart.AddSeconds(61));

        Assert.Equal([4, 4, 2, 0], new[] { first, second, third, full }.Select(l => l.Requests));
        Assert.Equal(TimeSpan.FromSeconds(15), full.Remaining);
        Assert.Equal(full.Minute + 1, nextMinute.Minute);
        Assert.Equal(4, nextMinute.Requests);
    }

    [Fact]
    public void Lease_OnceTheMinutesTokensReachTheLimit_GrantsNothing()
    {
        var window = new RateWindow();
        var tokenLimited = new RateLeaseRequest(Requests: 8, RequestsPerMinute: null, TokensPerMinute: 100);

        var first = window.Lease(tokenLimited, MinuteStart);
        window.AddTokens(first.Minute, 60, MinuteStart.AddSeconds(5));
        var underLimit = window.Lease(tokenLimited, MinuteStart.AddSeconds(6));
        window.AddTokens(first.Minute, 60, MinuteStart.AddSeconds(7));
        var overLimit = window.Lease(tokenLimited, MinuteStart.AddSeconds(8));

        Assert.Equal(8, underLimit.Requests);
        Assert.Equal(0, overLimit.Requests);
        Assert.Equal(8, window.Lease(tokenLimited, MinuteStart.AddMinutes(1)).Requests);
    }

    [Fact]
    public void AddTokens_ForAMinuteThatIsOver_CountsForNothing()
    {
        var window = new RateWindow();
        var tokenLimited = new RateLeaseRequest(Requests: 1, RequestsPerMinute: null, TokensPerMinute: 100);
        var earlier = window.Lease(tokenLimited, MinuteStart);

        window.AddTokens(earlier.Minute, 500, MinuteStart.AddSeconds(70));

        Assert.Equal(1, window.Lease(tokenLimited, MinuteStart.AddSeconds(71)).Requests);
    }
}
