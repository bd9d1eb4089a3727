using System.ClientModel;
using System.Globalization;
using Microsoft.Extensions.AI;
using OpenAI;
using Switchyard.Benchmarks.Floor;

// The floor under any gateway built on this stack: Kestrel in front, one upstream call behind, and
// nothing else. `switchyard bench gateway --silo-dll <this dll>` drives it exactly as it drives the
// silo (the harness passes the upstream's address in the variable the silo reads for its catalog),
// so its figures say what Kestrel, HttpClient and the OpenAI SDK cost on the machine at hand, and how
// much of the silo's overhead is its own work.
//
//   FLOOR_MODE=raw (default)  forwards the request body as bytes with HttpClient and copies the reply back
//   FLOOR_MODE=sdk            parses the messages, calls the upstream through the OpenAI SDK behind
//                             Microsoft.Extensions.AI (as the silo's providers do) and writes a chat completion
//   FLOOR_MODE=grains         as sdk, from inside an in-process Orleans silo, making the grain calls of the
//                             silo's cache-miss path (GrainPath.cs) to grains that do no work
//   FLOOR_MODE=grains-min     as grains, with only the calls no design of per-tenant grains can do without:
//                             one shard lookup, a hold and a settle on the budget, a one-way store (no
//                             completion worker, router or feedback calls)
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var upstream = Environment.GetEnvironmentVariable("Switchyard__Models__bench-cheap__Endpoint")
    ?? throw new InvalidOperationException("Set Switchyard__Models__bench-cheap__Endpoint to the upstream's base address (the harness does).");
var mode = Environment.GetEnvironmentVariable("FLOOR_MODE") ?? "raw";
var chat = new OpenAIClient(new ApiKeyCredential("floor"), new OpenAIClientOptions { Endpoint = new Uri(upstream) })
    .GetChatClient("bench")
    .AsIChatClient();
if (mode is "grains" or "grains-min")
{
    builder.Services.AddSingleton(chat);
    // The harness hands every target the free ports it gives the silo.
    builder.UseOrleans(silo => silo.UseLocalhostClustering(Port("Switchyard__Cluster__SiloPort"), Port("Switchyard__Cluster__GatewayPort")));
}

var app = builder.Build();
app.MapGet("/health", () => "ok");
if (mode == "grains")
{
    var grains = app.Services.GetRequiredService<IGrainFactory>();
    app.MapPost("/v1/chat/completions", async (HttpContext context) =>
    {
        var messages = await SdkForwarder.ReadMessagesAsync(context);
        var answer = await grains.GetGrain<IFloorCompletionGrain>(0).Complete(Guid.CreateVersion7().ToString("N"), messages);
        await SdkForwarder.WriteAsync(context, answer);
    });
}
else if (mode == "grains-min")
{
    var grains = app.Services.GetRequiredService<IGrainFactory>();
    app.MapPost("/v1/chat/completions", async (HttpContext context) =>
    {
        var messages = await SdkForwarder.ReadMessagesAsync(context);
        await SdkForwarder.WriteAsync(context, await MinimalGrainPath.CompleteAsync(grains, chat, Guid.CreateVersion7().ToString("N"), messages));
    });
}
else if (mode == "sdk")
{
    app.MapPost("/v1/chat/completions", (HttpContext context) => SdkForwarder.ForwardAsync(chat, context));
}
else
{
    var forwarder = new RawForwarder(new Uri(upstream.TrimEnd('/') + "/chat/completions"));
    app.MapPost("/v1/chat/completions", forwarder.ForwardAsync);
}

app.Run();

static int Port(string variable) =>
    int.Parse(Environment.GetEnvironmentVariable(variable) ?? throw new InvalidOperationException($"Set {variable} (the harness does)."), CultureInfo.InvariantCulture);
