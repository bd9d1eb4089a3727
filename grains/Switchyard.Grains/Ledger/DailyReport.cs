namespace Switchyard.Ledger;

/// <summary>Calls, tokens and cost per model over one UTC day, from the ledger.</summary>
/// <param name="Date">The UTC day.</param>
/// <param name="Rows">One row per model, ordered by cost (highest first), then name.</param>
public sealed record DailyReport(DateOnly Date, IReadOnlyList<DailyReportRow> Rows)
{
    /// <summary>The day's total cost to the tenant(s): audits excluded.</summary>
    public decimal TotalUsd => Rows.Sum(r => r.CostUsd);

    /// <summary>What the day's audits cost Switchyard.</summary>
    public decimal AuditUsd => Rows.Sum(r => r.AuditUsd);

    /// <summary>Builds a report from ledger rows already restricted to the day (and tenant).</summary>
    public static DailyReport Aggregate(DateOnly date, IEnumerable<ApiCall> calls)
    {
        var rows = calls
            .GroupBy(c => c.Model, StringComparer.Ordinal)
            .Select(g => new DailyReportRow(
                g.Key,
                g.Count(c => c.IsProviderCall && !c.IsAudit),
                g.Count(c => !c.IsProviderCall),
                g.Where(c => !c.IsAudit).Sum(c => (long)c.PromptTokens),
                g.Where(c => !c.IsAudit).Sum(c => (long)c.CachedTokens),
                g.Where(c => !c.IsAudit).Sum(c => (long)c.CompletionTokens),
                g.Where(c => !c.IsAudit).Sum(c => c.CostUsd),
                g.Count(c => c.IsAudit),
                g.Where(c => c.IsAudit).Sum(c => c.CostUsd)));
        return new DailyReport(date, Order(rows));
    }

    /// <summary>Orders rows the way every report shows them: by cost (highest first), then by model name.</summary>
    public static IReadOnlyList<DailyReportRow> Order(IEnumerable<DailyReportRow> rows) =>
        [.. rows.OrderByDescending(r => r.CostUsd).ThenBy(r => r.Model, StringComparer.Ordinal)];
}

/// <summary>One model's line in a <see cref="DailyReport"/>.</summary>
/// <param name="Model">The model's catalog name.</param>
/// <param name="Calls">Provider calls for the tenant's requests (failed ones included; audits not).</param>
/// <param name="CacheHits">Requests answered from the cache with this model's earlier answer (no cost).</param>
/// <param name="PromptTokens">Prompt tokens, cached ones included.</param>
/// <param name="CachedTokens">Prompt tokens served from the provider's prompt cache.</param>
/// <param name="CompletionTokens">Completion tokens.</param>
/// <param name="CostUsd">The cost charged to the tenant(s), exact.</param>
/// <param name="AuditCalls">Audits this model made (Switchyard's own calls; their tokens are not in the columns above).</param>
/// <param name="AuditUsd">What those audits cost Switchyard, exact.</param>
public sealed record DailyReportRow(
    string Model, long Calls, long CacheHits, long PromptTokens, long CachedTokens, long CompletionTokens, decimal CostUsd, long AuditCalls = 0, decimal AuditUsd = 0m);
