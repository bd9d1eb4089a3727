using System.Text.Json.Serialization;

namespace Switchyard.Cli.Output;

/// <summary>Source-generated serialization of every JSON document the CLI prints.</summary>
[JsonSerializable(typeof(ChatJson))]
[JsonSerializable(typeof(Chaos.ChaosReport))]
[JsonSerializable(typeof(Commands.EvalCacheResult))]
[JsonSerializable(typeof(Commands.BenchCacheResult))]
[JsonSerializable(typeof(Commands.BenchSnapshotResult))]
[JsonSerializable(typeof(Commands.CostEstimate))]
[JsonSerializable(typeof(Gateway.GatewayBenchResult))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
