namespace Switchyard.Cli.Chaos;

/// <summary>What <c>switchyard chaos</c> runs.</summary>
/// <param name="Silos">Silo processes in the cluster.</param>
/// <param name="Requests">Logical requests driven through the HTTP endpoints.</param>
/// <param name="KillAfter">After this many requests have finished, one silo is killed with SIGKILL.</param>
/// <param name="Tenants">Tenants the requests are spread over; every fourth has a cap it will reach.</param>
/// <param name="Concurrency">Requests in flight at once.</param>
/// <param name="SiloDll">The built <c>Switchyard.Silo.dll</c> to run.</param>
/// <param name="ModelLatencyMilliseconds">How long each simulated model takes to answer.</param>
internal sealed record ChaosSettings(int Silos, int Requests, int KillAfter, int Tenants, int Concurrency, string SiloDll, int ModelLatencyMilliseconds = 2)
{
    /// <summary>The monthly cap of tenants meant to run out of budget during the run, in USD.</summary>
    public const decimal TightCapUsd = 0.002m;

    /// <summary>The monthly cap of every other tenant, in USD.</summary>
    public const decimal RoomyCapUsd = 100m;

    /// <summary>The cap of tenant <paramref name="index"/>.</summary>
    public static decimal CapOf(int index) => index % 4 == 3 ? TightCapUsd : RoomyCapUsd;
}
