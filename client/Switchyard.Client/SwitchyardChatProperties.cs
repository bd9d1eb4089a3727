namespace Switchyard.Client;

/// <summary>
/// Keys of the <c>AdditionalProperties</c> that <see cref="SwitchyardChatClient"/> reads from
/// <c>ChatOptions</c> (per-call overrides) and writes to <c>ChatResponse</c> (routing metadata).
/// </summary>
public static class SwitchyardChatProperties
{
    /// <summary>Option: the tenant that pays for this call (a string), instead of the client's.</summary>
    public const string Tenant = "switchyard.tenant";

    /// <summary>Option: the task type of this call (a string), instead of the client's.</summary>
    public const string TaskType = "switchyard.task_type";

    /// <summary>Option: <c>true</c> to neither read nor write the cache.</summary>
    public const string NoStore = "switchyard.no_store";

    /// <summary>Option: the end user (a string), for cohorting.</summary>
    public const string User = "switchyard.user";

    /// <summary>Response: the request id (a string).</summary>
    public const string RequestId = "switchyard.request_id";

    /// <summary>Response: the served tier (<c>cheap</c>, <c>mid</c>, <c>frontier</c>).</summary>
    public const string Tier = "switchyard.tier";

    /// <summary>Response: <c>miss</c>, <c>hit-exact</c> or <c>hit-semantic</c>.</summary>
    public const string Cache = "switchyard.cache";

    /// <summary>Response: what the request cost the tenant, in USD (a <see cref="decimal"/>).</summary>
    public const string CostUsd = "switchyard.cost_usd";

    /// <summary>Response: how many times the request escalated (an <see cref="int"/>).</summary>
    public const string Escalations = "switchyard.escalations";

    /// <summary>Response: the tiers that answered, in order (a <see cref="string"/> array).</summary>
    public const string TiersTried = "switchyard.tiers_tried";

    /// <summary>Response: the served answer's confidence (a <see cref="double"/>), when known.</summary>
    public const string Confidence = "switchyard.confidence";
}
