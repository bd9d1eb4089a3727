using Switchyard.ServiceDefaults;
using Switchyard.Silo.Hosting;
using Switchyard.Silo.Http;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddSwitchyardSilo();

var app = builder.Build();

app.UseSwitchyardErrors();
app.MapDefaultEndpoints();
app.MapSwitchyardApi();

app.Run();

/// <summary>The silo's entry point; public so tests can start the real host.</summary>
public partial class Program;
