using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Switchyard.ServiceDefaults;
using Switchyard.Silo.Hosting;
using Switchyard.Silo.Http;

namespace Switchyard.Tests.Infrastructure;

/// <summary>
/// The real silo web host, built exactly as Program.cs builds it, listening on a free loopback port
/// with real HTTP, its own Orleans ports, and the test catalog.
/// </summary>
public sealed class SiloHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SiloHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="dataDirectory">Where grain state goes.</param>
    /// <param name="overrides">Settings added to (or replacing) the test settings.</param>
    /// <param name="simulatedModels">False to leave the simulated catalog out, so <paramref name="overrides"/> define every model.</param>
    /// <param name="configure">Anything else to add to the host, such as telemetry exporters.</param>
    public static async Task<SiloHost> StartAsync(
        string dataDirectory, IDictionary<string, string?>? overrides = null, bool simulatedModels = true, Action<WebApplicationBuilder>? configure = null)
    {
        // The content root is the data directory, so no appsettings.json is read: the test settings are all there is.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = dataDirectory });
        var settings = TestSettings.Create(dataDirectory);
        if (!simulatedModels)
        {
            foreach (var key in settings.Keys.Where(k => k.StartsWith("Switchyard:Models:", StringComparison.Ordinal)).ToList())
            {
                settings.Remove(key);
            }
        }

        settings["Switchyard:Cluster:SiloPort"] = FreePort.Next().ToString();
        settings["Switchyard:Cluster:GatewayPort"] = FreePort.Next().ToString();
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        builder.AddServiceDefaults();
        builder.AddSwitchyardSilo();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapSwitchyard();
        await app.StartAsync();

        return new SiloHost(app, new Uri(LoopbackServer.AddressOf(app)));
    }

    public HttpRequestMessage Post(string path, string json, string? apiKey = TestSettings.AlphaKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        if (apiKey is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        }

        return request;
    }

    /// <summary>Pins <paramref name="taskType"/>'s router to <paramref name="tier"/> through the admin API.</summary>
    public async Task PinRouterAsync(string taskType, string tier)
    {
        using var pin = Post($"/admin/routers/{taskType}", $$"""{"pinned": true, "start_tier": "{{tier}}", "max_tier": "{{tier}}"}""", TestSettings.AdminKey);
        pin.Method = HttpMethod.Put;
        (await Http.SendAsync(pin)).EnsureSuccessStatusCode();
    }

    /// <summary>Asks <paramref name="question"/> as a request of <paramref name="taskType"/> routed by the router (<c>"model": "auto"</c>); the response must succeed.</summary>
    public async Task<HttpResponseMessage> AskAsync(string taskType, string question)
    {
        using var request = Post("/v1/chat/completions", System.Text.Json.JsonSerializer.Serialize(new { model = "auto", messages = new[] { new { role = "user", content = question } } }));
        request.Headers.Add("x-switchyard-task-type", taskType);
        var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response;
    }

    public HttpRequestMessage Get(string path, string? apiKey = TestSettings.AlphaKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (apiKey is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
