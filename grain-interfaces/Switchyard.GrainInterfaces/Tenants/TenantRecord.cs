using System.Collections.Immutable;
using Switchyard.Budget;

namespace Switchyard.Tenants;

/// <summary>A tenant created or updated at runtime through the admin API.</summary>
/// <param name="ApiKeySha256">Lowercase hex SHA-256 digests of the tenant's API keys; the keys themselves are never stored.</param>
/// <param name="Limits">The tenant's budget rules.</param>
/// <param name="RequestsPerMinute">The most requests per minute; null for no limit.</param>
/// <param name="TokensPerMinute">The most tokens per minute; null for no limit.</param>
/// <param name="AlertWebhook">Where budget alerts are posted; null for none.</param>
[GenerateSerializer, Immutable]
[Alias("switchyard.tenants.TenantRecord")]
public sealed record TenantRecord(
    [property: Id(0)] ImmutableArray<string> ApiKeySha256,
    [property: Id(1)] BudgetLimits Limits,
    [property: Id(2)] int? RequestsPerMinute,
    [property: Id(3)] int? TokensPerMinute,
    [property: Id(4)] string? AlertWebhook);
