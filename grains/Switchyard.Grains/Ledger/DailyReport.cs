namespace Switchyard.Ledger;

/// <summary>Calls, tokens and cost per model over one UTC day, from the ledger.</summary>
/// <param name="Date">The UTC day.</param>
/// <param name="Rows">One row per model, ordered by cost (highest first), then name.</param>
public sealed record DailyReport(DateOnly Date, IReadOnlyList<DailyReportRow> Rows)
{
    /// <summary>The day's total cost.</summary>
    public decimal TotalUsd => Rows.Sum(r => r.CostUsd);

    /// <summary>Builds a report from ledger rows already restricted to the day (and tenant).</summary>
    public static DailyReport Aggregate(DateOnly date, IEnumerable<ApiCall> calls)
    {
        var rows = calls
            .GroupBy(c => c.Model, StringComparer.Ordinal)
            .Select(g => new DailyReportRow(
                g.Key,
                g.Count(c => c.IsProviderCall),
                g.Count(c => !c.IsProviderCall),
                g.Sum(c => (long)c.PromptTokens),
                g.Sum(c => (long)c.CachedTokens),
                g.Sum(c => (long)c.CompletionTokens),
                g.Sum(c => c.CostUsd)));
        return new DailyReport(date, Order(rows));
    }

    /// <summary>Orders rows the way every report shows them: by cost (highest first), then by model name.</summary>
    public static IReadOnlyList<DailyReportRow> Order(IEnumerable<DailyReportRow> rows) =>
        [.. rows.OrderByDescending(r => r.CostUsd).ThenBy(r => r.Model, StringComparer.Ordinal)];
}

/// <summary>One model's line in a <see cref="DailyReport"/>.</summary>
/// <param name="Model">The model's catalog name.</param>
/// <param name="Calls">Provider calls (failed ones included).</param>
/// <param name="CacheHits">Requests answered from the cache with this model's earlier answer (no cost).</param>
/// <param name="PromptTokens">Prompt tokens, cached ones included.</param>
/// <param name="CachedTokens">Prompt tokens served from the provider's prompt cache.</param>
/// <param name="CompletionTokens">Completion tokens.</param>
/// <param name="CostUsd">The cost, exact.</param>
public sealed record DailyReportRow(
    string Model, long Calls, long CacheHits, long PromptTokens, long CachedTokens, long CompletionTokens, decimal CostUsd);
