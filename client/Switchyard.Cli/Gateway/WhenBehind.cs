namespace Switchyard.Cli.Gateway;

/// <summary>What the open-loop driver does once more than a second's worth of requests is waiting.</summary>
internal enum WhenBehind
{
    /// <summary>Keeps sending on schedule: the backlog shows in the tail (measured runs).</summary>
    Queue,

    /// <summary>Stops sending: the rate is not sustainable, and piling on more only takes longer to say so (the throughput search).</summary>
    Stop,

    /// <summary>
    /// Skips the requests that fall due while the backlog lasts and goes on for the whole duration
    /// (warm-up): a target that is slow while it starts up — compiling its hot paths — is still warmed
    /// for as long as asked, instead of being measured cold after a cut-short warm-up.
    /// </summary>
    Shed,
}
