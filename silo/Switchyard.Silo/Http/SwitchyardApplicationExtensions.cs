using Switchyard.ServiceDefaults;

namespace Switchyard.Silo.Http;

/// <summary>Wires the request pipeline of the silo's web host.</summary>
public static class SwitchyardApplicationExtensions
{
    /// <summary>OpenAI-shaped errors, the health probes, and the <c>/v1</c> and <c>/admin</c> APIs.</summary>
    public static WebApplication MapSwitchyard(this WebApplication app)
    {
        app.UseSwitchyardErrors();
        app.MapDefaultEndpoints();
        app.MapSwitchyardApi();
        return app;
    }
}
