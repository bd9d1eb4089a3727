using System.Text.Json.Serialization;

namespace Switchyard.Silo.Storage;

/// <summary>Source-generated JSON for budget snapshots.</summary>
[JsonSerializable(typeof(BudgetSnapshotFile))]
internal sealed partial class BudgetStoreJsonContext : JsonSerializerContext;
