// Switchyard under Aspire: the same topology deploy/local-cluster.sh starts, with the Aspire
// dashboard collecting every process's OpenTelemetry traces, metrics and logs over OTLP.
var builder = DistributedApplication.CreateBuilder(args);

// Redis holds cluster membership and grain state. Append-only with fsync on every write, so
// acknowledged spend survives a Redis restart.
var redis = builder.AddRedis("redis")
    .WithArgs("--appendonly", "yes", "--appendfsync", "always");

// The Orleans cluster: Aspire passes the clustering and storage settings to every project that
// references it (the Orleans__* configuration section and the redis connection string).
var orleans = builder.AddOrleans("switchyard")
    .WithClusterId("switchyard")
    .WithServiceId("switchyard")
    .WithClustering(redis)
    .WithGrainStorage("switchyard", redis);

var silo = builder.AddProject<Projects.Switchyard_Silo>("silo")
    .WithReference(orleans)
    .WaitFor(redis)
    .WithReplicas(3)
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development");

// A grain client: one routed request through the cluster's gateways, showing the routing metadata.
builder.AddProject<Projects.Switchyard_Cli>("client")
    .WithReference(orleans.AsClient())
    .WaitFor(silo)
    .WithArgs("chat", "Hello from Aspire", "--tenant", "demo", "--task-type", "summarization");

builder.Build().Run();
