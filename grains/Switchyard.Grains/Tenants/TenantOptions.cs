using Switchyard.Budget;

namespace Switchyard.Tenants;

/// <summary>One tenant, bound from <c>Switchyard:Tenants:&lt;tenant id&gt;</c>.</summary>
public sealed class TenantOptions
{
    /// <summary>
    /// The tenant's API key in plain text. Hashed with SHA-256 at start; prefer <see cref="ApiKeySha256"/>
    /// so the plain key is never stored in configuration. Default: none.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>The lowercase hex SHA-256 of the tenant's API key. Default: none.</summary>
    public string? ApiKeySha256 { get; set; }

    /// <summary>The most the tenant may spend in a calendar month (UTC), in USD. Default: 10.</summary>
    public decimal MonthlyCapUsd { get; set; } = 10m;

    /// <summary>The most the tenant may spend in a UTC day, in USD. Default: none (no daily cap).</summary>
    public decimal? DailyCapUsd { get; set; }

    /// <summary>True: a call that would pass a cap is refused (402). False: it goes ahead and is flagged. Default: true.</summary>
    public bool HardCap { get; set; } = true;

    /// <summary>The most one request may cost, in USD, over every tier it tries. Default: none.</summary>
    public decimal? MaxRequestUsd { get; set; }

    /// <summary>Below this remaining budget, in USD, the frontier tier is not used. Default: none (never downgrade).</summary>
    public decimal? DowngradeBelowUsd { get; set; }

    /// <summary>The most chat completions the tenant may request per minute. Default: none (no limit).</summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>The most tokens (prompt plus completion) the tenant may use per minute. Default: none (no limit).</summary>
    public int? TokensPerMinute { get; set; }

    /// <summary>Where budget alerts are posted (JSON). Default: none.</summary>
    public string? AlertWebhook { get; set; }

    /// <summary>The budget rules these options describe.</summary>
    public BudgetLimits ToLimits() => new(MonthlyCapUsd, DailyCapUsd, HardCap, MaxRequestUsd, DowngradeBelowUsd);
}
