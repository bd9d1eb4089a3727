using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Http;

/// <summary>The Orleans Dashboard, turned on, served only to holders of the admin key.</summary>
public sealed class DashboardTests : IAsyncLifetime
{
    private readonly string _dataDirectory = TestSettings.NewDataDirectory();
    private SiloHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await SiloHost.StartAsync(_dataDirectory, new Dictionary<string, string?> { ["Switchyard:Dashboard"] = "true" });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task Dashboard_WithoutTheAdminKey_AsksABrowserToSignIn()
    {
        var response = await _host.Http.SendAsync(_host.Get("/admin/dashboard/", TestSettings.AlphaKey));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Dashboard_WithTheAdminKeyAsBasicPassword_IsServed()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin/dashboard/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{TestSettings.AdminKey}")));

        var response = await _host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("html", response.Content.Headers.ContentType?.MediaType);
    }
}
