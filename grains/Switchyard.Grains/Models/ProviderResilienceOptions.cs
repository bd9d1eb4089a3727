namespace Switchyard.Models;

/// <summary>
/// How calls to one deployment are protected, bound from <c>Switchyard:Models:&lt;name&gt;:Resilience</c>.
/// Used by the HTTP providers (<c>openai</c>, <c>openai-compatible</c>, <c>azure-openai</c>).
/// </summary>
public sealed class ProviderResilienceOptions
{
    /// <summary>The longest one attempt may take. Default: 30 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest a call may take over every attempt. Default: 90 seconds.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Retries after a 408, 429, 5xx, timeout or connection failure, with jittered exponential backoff
    /// that waits at least as long as the provider's <c>Retry-After</c>. Default: 2.
    /// </summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first backoff delay. Default: 200 milliseconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The share of failed attempts in the sampling window that opens the circuit. Default: 0.5.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts the sampling window needs before the circuit may open. Default: 10.</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    /// <summary>The window failures are counted over. Default: 30 seconds.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit refuses calls before it lets a trial call through. Default: 15 seconds.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
