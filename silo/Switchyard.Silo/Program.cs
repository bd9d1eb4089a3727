using Switchyard.ServiceDefaults;
using Switchyard.Silo.Hosting;
using Switchyard.Silo.Http;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddSwitchyardSilo();

var app = builder.Build();
app.MapSwitchyard();
app.Run();
