using System.Text.Json.Serialization;
using Switchyard.Routing;

namespace Switchyard.Ledger;

/// <summary>
/// One row of the ledger: a provider call, a request answered from the cache (no provider call, no cost),
/// or an audit (a stronger tier asked again after the answer went out; Switchyard's own spend, not the tenant's).
/// </summary>
/// <param name="Id">Unique per row; lets a batch be written again after a lost acknowledgement without counting twice.</param>
/// <param name="At">When the call finished (UTC).</param>
/// <param name="TenantId">The tenant charged.</param>
/// <param name="TaskType">The request's task type.</param>
/// <param name="RequestId">The request the call served (<c>x-switchyard-request-id</c>).</param>
/// <param name="Model">The catalog name of the model called, or of the model whose cached answer was served.</param>
/// <param name="Tier">The model's tier.</param>
/// <param name="PromptTokens">Prompt tokens, cached ones included.</param>
/// <param name="CachedTokens">Prompt tokens the provider served from its prompt cache.</param>
/// <param name="CompletionTokens">Completion tokens.</param>
/// <param name="CostUsd">What the call cost, exactly as charged to the tenant's budget; for an audit, what it cost Switchyard (the tenant is not charged).</param>
/// <param name="LatencyMs">How long the call took, in milliseconds.</param>
/// <param name="Cache">The request's cache result: <c>miss</c>, <c>hit-exact</c> or <c>hit-semantic</c>.</param>
/// <param name="Escalations">How many tiers this request had escalated past before this call (0 for the first call).</param>
/// <param name="Status"><c>ok</c>, <c>failed</c> (the provider failed; any partial output is charged), <c>cached</c>, <c>audit</c> or <c>audit-failed</c> (an audit the provider failed; it cost nothing).</param>
public sealed record ApiCall(
    Guid Id,
    DateTimeOffset At,
    string TenantId,
    string TaskType,
    string RequestId,
    string Model,
    ModelTier Tier,
    int PromptTokens,
    int CachedTokens,
    int CompletionTokens,
    decimal CostUsd,
    double LatencyMs,
    string Cache,
    int Escalations,
    string Status)
{
    /// <summary>The status of a call a model answered.</summary>
    public const string Ok = "ok";

    /// <summary>The status of a call the provider failed (charged for any partial output).</summary>
    public const string Failed = "failed";

    /// <summary>The status of a request answered from the cache.</summary>
    public const string Cached = "cached";

    /// <summary>The status of an audit: the request's answer asked again of a stronger tier, at Switchyard's expense.</summary>
    public const string Audit = "audit";

    /// <summary>
    /// The status of an audit the provider failed. An audit is not streamed, so a failure returns no
    /// partial output: the row costs nothing and has no tokens, and records that the call was made.
    /// </summary>
    public const string AuditFailed = "audit-failed";

    /// <summary>Whether a provider was called (everything but a cache hit).</summary>
    [JsonIgnore]
    public bool IsProviderCall => Status != Cached;

    /// <summary>Whether the row is an audit (answered or failed), whose cost is Switchyard's and not part of the tenant's spend.</summary>
    [JsonIgnore]
    public bool IsAudit => Status is Audit or AuditFailed;
}
