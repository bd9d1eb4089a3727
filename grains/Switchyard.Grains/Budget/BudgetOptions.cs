namespace Switchyard.Budget;

/// <summary>How budget grains treat holds and retries, bound from <c>Switchyard:Budget</c>.</summary>
public sealed class BudgetOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Switchyard:Budget";

    /// <summary>How long a hold lives without a settle before it is released. Default: 10 minutes.</summary>
    public TimeSpan HoldTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a settled request id is remembered, so a retry charges nothing. Default: 24 hours.</summary>
    public TimeSpan IdempotencyWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The fewest journal entries after which the state is written as a snapshot and the journal emptied;
    /// a larger state waits for as many entries as it has requests, so a snapshot costs at most one
    /// entry's worth of writing per change. Default: 10000.
    /// </summary>
    public int SnapshotEvery { get; set; } = 10_000;

    /// <summary>
    /// Shares of the monthly cap whose crossing by the spend fires an alert (<c>spend_80pct</c>, …),
    /// once per period. Default: 0.5, 0.8 and 1.0.
    /// </summary>
    public decimal[] AlertThresholds { get; set; } = [0.5m, 0.8m, 1.0m];

    /// <summary>
    /// The <c>over_pace</c> alert fires when the spend is more than this many times what an even pace
    /// through the month to the cap would have spent by now. Default: 1.2 (20% over).
    /// </summary>
    public decimal OverPaceRatio { get; set; } = 1.2m;

    /// <summary>
    /// When a budget change written to the local journal is acknowledged: <c>Process</c> once the
    /// operating system has it (it survives the silo process being killed; the device is flushed every
    /// <see cref="DeviceFlushInterval"/>), or <c>Device</c> once the device has confirmed it (fsync; it
    /// also survives a power loss, at a few milliseconds per change). Default: <c>Process</c>.
    /// </summary>
    public BudgetDurability Durability { get; set; } = BudgetDurability.Process;

    /// <summary>With <see cref="BudgetDurability.Process"/>, how often journals are flushed to the device. Default: 100 ms.</summary>
    public TimeSpan DeviceFlushInterval { get; set; } = TimeSpan.FromMilliseconds(100);
}

/// <summary>When a budget change is acknowledged; see <see cref="BudgetOptions.Durability"/>.</summary>
public enum BudgetDurability
{
    /// <summary>Once the operating system has the write: survives a killed process.</summary>
    Process,

    /// <summary>Once the device has confirmed it (fsync): survives a power loss too.</summary>
    Device,
}
