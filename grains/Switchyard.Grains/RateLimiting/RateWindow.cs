namespace Switchyard.RateLimiting;

/// <summary>
/// One tenant's fixed one-minute (UTC) window: requests granted and tokens reported in the current
/// minute. Requests are granted while both counts are under their limits, never more than the request
/// limit leaves; tokens are known only once requests are answered, so one large answer can take the
/// window past its token limit, and the window then grants nothing until the next minute.
/// </summary>
public sealed class RateWindow
{
    private long _minute = -1;
    private long _requests;
    private long _tokens;

    /// <summary>Grants up to <paramref name="request"/>'s requests at <paramref name="now"/>.</summary>
    public RateLease Lease(RateLeaseRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var minute = Roll(now);
        var remaining = DateTimeOffset.FromUnixTimeSeconds((minute + 1) * 60) - now;
        if (request.Requests <= 0 || _requests >= request.RequestsPerMinute || _tokens >= request.TokensPerMinute)
        {
            return new RateLease(minute, 0, remaining);
        }

        var granted = request.RequestsPerMinute is { } limit ? (int)Math.Min(request.Requests, limit - _requests) : request.Requests;
        _requests += granted;
        return new RateLease(minute, granted, remaining);
    }

    /// <summary>Adds <paramref name="tokens"/> to window <paramref name="minute"/>, if that is still the current one at <paramref name="now"/>.</summary>
    public void AddTokens(long minute, long tokens, DateTimeOffset now)
    {
        if (Roll(now) == minute && tokens > 0)
        {
            _tokens += tokens;
        }
    }

    private long Roll(DateTimeOffset now)
    {
        var minute = now.ToUnixTimeSeconds() / 60;
        if (minute != _minute)
        {
            (_minute, _requests, _tokens) = (minute, 0, 0);
        }

        return minute;
    }
}
