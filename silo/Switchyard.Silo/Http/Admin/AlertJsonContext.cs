using System.Text.Json.Serialization;

namespace Switchyard.Silo.Http.Admin;

/// <summary>Source-generated JSON for alert webhooks.</summary>
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(DateTimeOffset))]
internal sealed partial class AlertJsonContext : JsonSerializerContext;
