using System.Text.Json;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Http;

public sealed class CacheRestartTests : IDisposable
{
    private readonly string _dataDirectory = TestSettings.NewDataDirectory();

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    private static string Body(string prompt) =>
        JsonSerializer.Serialize(new { model = "auto", messages = new[] { new { role = "user", content = prompt } } });

    private static async Task<string> CacheOfAsync(SiloHost host, string prompt, string key = TestSettings.AlphaKey)
    {
        var response = await host.Http.SendAsync(host.Post("/v1/chat/completions", Body(prompt), key));
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("x-switchyard-cache").Single();
    }

    [Fact]
    public async Task Restart_OfTheHost_KeepsTheCacheWarmExactAndSemantic()
    {
        await using (var before = await SiloHost.StartAsync(_dataDirectory))
        {
            Assert.Equal("miss", await CacheOfAsync(before, "How do I rotate the warmcache signing keys?"));
        }

        await using var after = await SiloHost.StartAsync(_dataDirectory);

        Assert.Equal("hit-exact", await CacheOfAsync(after, "How do I rotate the warmcache signing keys?"));
        Assert.Equal("hit-semantic", await CacheOfAsync(after, "how do i rotate the warmcache signing keys"));
        Assert.Equal("miss", await CacheOfAsync(after, "How do I rotate the warmcache signing keys?", TestSettings.BetaKey));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_dataDirectory, "cache"), "*.snapshot"));
    }

    [Fact]
    public async Task Invalidation_IsSnapshottedAtOnce_SoARestartDoesNotBringTheEntriesBack()
    {
        await using (var before = await SiloHost.StartAsync(_dataDirectory))
        {
            Assert.Equal("miss", await CacheOfAsync(before, "Which invalidated answer survives?"));
            var delete = new HttpRequestMessage(HttpMethod.Delete, "/admin/cache/alpha");
            delete.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestSettings.AdminKey);
            (await before.Http.SendAsync(delete)).EnsureSuccessStatusCode();
            var snapshots = Directory.GetFiles(Path.Combine(_dataDirectory, "cache"), "*.snapshot");

            Assert.NotEmpty(snapshots);
            Assert.All(snapshots, f => Assert.True(new FileInfo(f).Length < 64, $"{f} still holds entries"));
        }

        await using var after = await SiloHost.StartAsync(_dataDirectory);

        Assert.Equal("miss", await CacheOfAsync(after, "Which invalidated answer survives?"));
    }
}
