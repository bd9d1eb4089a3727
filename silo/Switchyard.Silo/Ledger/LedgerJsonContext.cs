using System.Text.Json.Serialization;
using Switchyard.Ledger;

namespace Switchyard.Silo.Ledger;

/// <summary>
/// Source-generated JSON for the local ledger files: one <see cref="ApiCall"/> per line, snake_case,
/// the tier as its wire name (<c>cheap</c>, <c>mid</c>, <c>frontier</c>), money as an exact decimal.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ApiCall))]
internal sealed partial class LedgerJsonContext : JsonSerializerContext;
