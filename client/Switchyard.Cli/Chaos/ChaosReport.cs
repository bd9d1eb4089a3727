using System.Text.Json.Serialization;

namespace Switchyard.Cli.Chaos;

/// <summary>The audit after a chaos run.</summary>
/// <param name="Requests">Logical requests sent.</param>
/// <param name="Succeeded">Requests that got a definitive answer: 200 with a cost, or 402 from a tenant's budget.</param>
/// <param name="Failed">Requests with no definitive answer after every retry.</param>
/// <param name="AcknowledgedCostUsd">The sum of the costs that 200 responses reported.</param>
/// <param name="RecordedSpendUsd">The sum of the tenants' spend as their budget grains report it afterwards.</param>
/// <param name="LostUsd">Acknowledged cost missing from the recorded spend (summed over tenants).</param>
/// <param name="DoubleCharged">Settled requests beyond those acknowledged or left without an answer (a request charged twice would show here).</param>
/// <param name="MaxOverspendUsd">The most any tenant's recorded spend exceeds its cap.</param>
/// <param name="RecoverySeconds">From the kill until the last failed attempt: how long the cluster took to serve everything again.</param>
internal sealed record ChaosReport(
    [property: JsonPropertyName("requests")] int Requests,
    [property: JsonPropertyName("succeeded")] int Succeeded,
    [property: JsonPropertyName("failed")] int Failed,
    [property: JsonPropertyName("acknowledged_cost_usd")] decimal AcknowledgedCostUsd,
    [property: JsonPropertyName("recorded_spend_usd")] decimal RecordedSpendUsd,
    [property: JsonPropertyName("lost_usd")] decimal LostUsd,
    [property: JsonPropertyName("double_charged")] int DoubleCharged,
    [property: JsonPropertyName("max_overspend_usd")] decimal MaxOverspendUsd,
    [property: JsonPropertyName("recovery_s")] double RecoverySeconds);
