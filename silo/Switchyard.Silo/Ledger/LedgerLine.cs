using System.Text.Json.Serialization;
using Switchyard.Ledger;
using Switchyard.Routing;

namespace Switchyard.Silo.Ledger;

/// <summary>One ledger row as a line of JSON in the local ledger files (snake_case, money as an exact decimal).</summary>
internal sealed record LedgerLine(
    Guid Id,
    DateTimeOffset At,
    string TenantId,
    string TaskType,
    string RequestId,
    string Model,
    string Tier,
    int PromptTokens,
    int CachedTokens,
    int CompletionTokens,
    decimal CostUsd,
    double LatencyMs,
    string Cache,
    int Escalations,
    string Status)
{
    public static LedgerLine From(ApiCall call) => new(
        call.Id, call.At, call.TenantId, call.TaskType, call.RequestId, call.Model, WireNames.Tier(call.Tier),
        call.PromptTokens, call.CachedTokens, call.CompletionTokens, call.CostUsd, call.LatencyMs, call.Cache, call.Escalations, call.Status);

    public ApiCall ToCall() => new(
        Id, At, TenantId, TaskType, RequestId, Model, ParseTier(Tier),
        PromptTokens, CachedTokens, CompletionTokens, CostUsd, LatencyMs, Cache, Escalations, Status);

    internal static ModelTier ParseTier(string tier) => tier switch
    {
        "cheap" => ModelTier.Cheap,
        "mid" => ModelTier.Mid,
        _ => ModelTier.Frontier,
    };
}

/// <summary>Source-generated JSON for <see cref="LedgerLine"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(LedgerLine))]
internal sealed partial class LedgerJsonContext : JsonSerializerContext;
