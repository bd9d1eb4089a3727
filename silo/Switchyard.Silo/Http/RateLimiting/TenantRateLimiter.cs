using System.Collections.Concurrent;

namespace Switchyard.Silo.Http.RateLimiting;

/// <summary>
/// Requests-per-minute and tokens-per-minute limits of each tenant, in fixed one-minute windows
/// (UTC minutes) kept by this silo. A request is let in while the window's requests and tokens are
/// under the limits; its tokens are counted when it has been answered, so one large request can take
/// the window past its token limit and the next ones wait for the next minute.
/// </summary>
public sealed class TenantRateLimiter(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Counts a request of <paramref name="tenantId"/> unless a limit is reached.</summary>
    /// <returns>Null when the request may go ahead; otherwise how long until the next window.</returns>
    public TimeSpan? TryAcquire(string tenantId, int? requestsPerMinute, int? tokensPerMinute)
    {
        if (requestsPerMinute is null && tokensPerMinute is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var minute = now.ToUnixTimeSeconds() / 60;
        var window = _windows.GetOrAdd(tenantId, _ => new Window());
        lock (window)
        {
            if (window.Minute != minute)
            {
                window.Minute = minute;
                window.Requests = 0;
                window.Tokens = 0;
            }

            if (window.Requests >= requestsPerMinute || window.Tokens >= tokensPerMinute)
            {
                var next = DateTimeOffset.FromUnixTimeSeconds((minute + 1) * 60);
                return TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling((next - now).TotalSeconds)));
            }

            window.Requests++;
            return null;
        }
    }

    /// <summary>Adds the tokens of an answered request to its tenant's current window.</summary>
    public void RecordTokens(string tenantId, int tokens)
    {
        if (!_windows.TryGetValue(tenantId, out var window))
        {
            return;
        }

        var minute = time.GetUtcNow().ToUnixTimeSeconds() / 60;
        lock (window)
        {
            if (window.Minute == minute)
            {
                window.Tokens += tokens;
            }
        }
    }

    private sealed class Window
    {
        public long Minute { get; set; } = -1;

        public int Requests { get; set; }

        public long Tokens { get; set; }
    }
}
