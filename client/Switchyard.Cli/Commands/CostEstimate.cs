using System.Text.Json.Serialization;

namespace Switchyard.Cli.Commands;

/// <summary>What <c>cost estimate</c> computed: a month of traffic on one model, or on a cascade.</summary>
/// <param name="Models">The model, or the cascade's models from cheapest to strongest.</param>
/// <param name="Requests">Requests per month.</param>
/// <param name="MonthlyUsd">What the month costs.</param>
/// <param name="BaselineUsd">What the month would cost with every request on the last model.</param>
/// <param name="SavingsUsd">Baseline minus cost.</param>
/// <param name="SavingsPercent">Savings as a share of the baseline, in percent.</param>
internal sealed record CostEstimate(
    [property: JsonPropertyName("models")] IReadOnlyList<string> Models,
    [property: JsonPropertyName("requests")] long Requests,
    [property: JsonPropertyName("monthly_usd")] decimal MonthlyUsd,
    [property: JsonPropertyName("baseline_usd")] decimal BaselineUsd,
    [property: JsonPropertyName("savings_usd")] decimal SavingsUsd,
    [property: JsonPropertyName("savings_percent")] decimal SavingsPercent);
