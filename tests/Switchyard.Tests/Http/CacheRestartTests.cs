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
    public async Task WhileTheHostRuns_TheTimerWritesChangedShardsToTheirSnapshots()
    {
        await using var host = await SiloHost.StartAsync(_dataDirectory, new Dictionary<string, string?>
        {
            ["Switchyard:Cache:SnapshotInterval"] = "00:00:00.100",
        });
        Assert.Equal("miss", await CacheOfAsync(host, "Which shard writes itself while it serves?"));
        Assert.Equal("miss", await CacheOfAsync(host, "Does the second answer reach the snapshot too?"));

        // No deactivation here: only the timer, whose turn captures the entries and leaves the writing to another thread.
        var snapshots = Path.Combine(_dataDirectory, "cache");
        var keys = new List<string>();
        for (var poll = 0; poll < 200 && keys.Count < 2; poll++)
        {
            await Task.Delay(25);
            keys = Directory.Exists(snapshots) ? [.. Directory.GetFiles(snapshots, "*.snapshot").SelectMany(ReadKeys)] : [];
        }

        Assert.Equal(2, keys.Count);
        Assert.Equal("hit-exact", await CacheOfAsync(host, "Which shard writes itself while it serves?"));
    }

    private static IEnumerable<string> ReadKeys(string snapshot)
    {
        var store = new Switchyard.Caching.CacheShardStore(1 << 24, TimeProvider.System);
        try
        {
            Switchyard.Caching.CacheSnapshot.Read(store, snapshot);
        }
        catch (IOException)
        {
            // Replaced while being read: the next poll reads the new one.
            return [];
        }

        return [.. store.Entries.Select(e => e.Key)];
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
