using System.Diagnostics;
using System.Diagnostics.Metrics;
using Switchyard.Completion;
using Switchyard.Routing;

namespace Switchyard.Telemetry;

/// <summary>
/// The grains assembly's one ActivitySource and one Meter. Tag values are bounded enumerations
/// (tier, cache result, outcome): never tenant ids, prompts, request ids or grain keys.
/// </summary>
public static class SwitchyardTelemetry
{
    /// <summary>The name of Switchyard's own ActivitySource and Meter.</summary>
    public const string Name = "Switchyard";

    /// <summary>The ActivitySource name of the provider calls (Microsoft.Extensions.AI's GenAI spans and metrics).</summary>
    public const string ProviderSourceName = "Switchyard.Providers";

    /// <summary>Spans of the request path.</summary>
    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        "switchyard.requests", "{request}", "Completions served, by cache result, tier and outcome.");

    private static readonly Counter<double> Cost = Meter.CreateCounter<double>(
        "switchyard.cost", "USD", "Provider spend charged to tenants, by tier.");

    private static readonly Counter<long> Escalations = Meter.CreateCounter<long>(
        "switchyard.escalations", "{escalation}", "Requests moved to a stronger tier because confidence was low, by the tier left.");

    private static readonly Counter<long> Audits = Meter.CreateCounter<long>(
        "switchyard.router.audits", "{audit}", "Accepted answers checked by a stronger tier off the request path, by the audited tier and agreement.");

    private static readonly Counter<double> AuditCost = Meter.CreateCounter<double>(
        "switchyard.router.audit_cost", "USD", "Provider spend on audits (not charged to tenants), by the auditing tier.");

    private static readonly Histogram<double> BudgetUtilization = Meter.CreateHistogram<double>(
        "switchyard.budget.utilization", "1", "The share of its monthly cap a tenant has spent, recorded at each settle (no tenant tag).");

    private static readonly Counter<long> BudgetAlerts = Meter.CreateCounter<long>(
        "switchyard.budget.alerts", "{alert}", "Budget alerts fired, by alert (spend_50pct, spend_80pct, spend_100pct, over_pace).");

    private static readonly Counter<long> LedgerRows = Meter.CreateCounter<long>(
        "switchyard.ledger.rows", "{row}", "Ledger rows, by outcome: written, dropped (buffer full) or lost (not written by shutdown).");

    /// <summary>Counts ledger rows by <paramref name="outcome"/>: <c>written</c>, <c>dropped</c> or <c>lost</c>.</summary>
    public static void RecordLedgerRows(string outcome, long count) =>
        LedgerRows.Add(count, new KeyValuePair<string, object?>("switchyard.outcome", outcome));

    private static readonly Counter<long> EmbeddingTokens = Meter.CreateCounter<long>(
        "switchyard.cache.embedding.tokens", "{token}", "Input tokens sent to provider embedders for semantic cache keys, by embedder (a catalog name).");

    private static readonly Counter<double> EmbeddingCost = Meter.CreateCounter<double>(
        "switchyard.cache.embedding.cost", "USD", "Provider spend on semantic cache embeddings, by embedder; the operator's, not charged to tenants.");

    /// <summary>Counts one provider embedding call of <paramref name="embedder"/>, a catalog name (bounded by configuration).</summary>
    public static void RecordEmbedding(string embedder, long inputTokens, decimal usd)
    {
        var tag = new KeyValuePair<string, object?>("switchyard.embedder", embedder);
        EmbeddingTokens.Add(inputTokens, tag);
        EmbeddingCost.Add((double)usd, tag);
    }

    /// <summary>Records how much of its monthly cap a tenant has spent after a settle.</summary>
    public static void RecordBudgetUtilization(decimal spentUsd, decimal capUsd)
    {
        if (capUsd > 0m)
        {
            BudgetUtilization.Record((double)(spentUsd / capUsd));
        }
    }

    /// <summary>Counts a fired budget alert; <paramref name="alert"/> is one of a few fixed names.</summary>
    public static void RecordBudgetAlert(string alert) =>
        BudgetAlerts.Add(1, new KeyValuePair<string, object?>("switchyard.alert", alert));

    /// <summary>Counts a finished request.</summary>
    public static void RecordRequest(CompletionResult result)
    {
        var outcome = result.Error is null ? "ok" : result.Error.Kind.ToString();
        Requests.Add(1,
            new KeyValuePair<string, object?>("switchyard.cache", WireNames.Cache(result.Cache)),
            new KeyValuePair<string, object?>("switchyard.tier", WireNames.Tier(result.Tier)),
            new KeyValuePair<string, object?>("switchyard.outcome", outcome));
    }

    /// <summary>Counts money charged for one provider call.</summary>
    public static void RecordCost(ModelTier tier, decimal usd) =>
        Cost.Add((double)usd, new KeyValuePair<string, object?>("switchyard.tier", WireNames.Tier(tier)));

    /// <summary>Counts an escalation away from <paramref name="from"/>.</summary>
    public static void RecordEscalation(ModelTier from) =>
        Escalations.Add(1, new KeyValuePair<string, object?>("switchyard.tier", WireNames.Tier(from)));

    /// <summary>Counts an audit of an answer of <paramref name="tier"/> by <paramref name="auditor"/>, and its cost.</summary>
    public static void RecordAudit(ModelTier tier, ModelTier auditor, bool agreed, decimal usd)
    {
        Audits.Add(1,
            new KeyValuePair<string, object?>("switchyard.tier", WireNames.Tier(tier)),
            new KeyValuePair<string, object?>("switchyard.agreed", agreed));
        AuditCost.Add((double)usd, new KeyValuePair<string, object?>("switchyard.tier", WireNames.Tier(auditor)));
    }
}
