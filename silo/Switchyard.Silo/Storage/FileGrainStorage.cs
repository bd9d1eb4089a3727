using Orleans.Storage;
using Switchyard.Storage;

namespace Switchyard.Silo.Storage;

/// <summary>
/// Grain state on local disk for the embedded single-silo default. Each write goes to a temporary
/// file that is flushed to the device and then atomically renamed over the old one (and the rename
/// flushed too), so a process killed at any instant leaves either the old state or the new one, never a
/// torn file: once a write has returned, it survives a crash or a power cut. An ETag stored at the head of each file guards against a stale
/// activation overwriting a newer state.
/// </summary>
/// <remarks>
/// Writes run on a few threads of their own: the fsync blocks for milliseconds, and on a thread-pool
/// thread that stall would land in the latency of the requests queued behind it.
/// </remarks>
public sealed class FileGrainStorage(string name, FileGrainStorageOptions options, IGrainStorageSerializer serializer) : IGrainStorage, IDisposable
{
    private const int ETagLength = 32;

    // Enough for a handful of grains to persist at once; each write is one small file.
    private readonly DeviceFlushQueue _writers = new(threads: 4, name: "switchyard-state");

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        if (!File.Exists(path))
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        var bytes = await File.ReadAllBytesAsync(path);
        grainState.ETag = System.Text.Encoding.ASCII.GetString(bytes, 0, ETagLength);
        grainState.State = serializer.Deserialize<T>(new BinaryData(bytes.AsMemory(ETagLength)));
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        var expected = grainState.ETag;
        // Serialized on the grain's own turn: the state must not change under the writer thread.
        var state = serializer.Serialize(grainState.State);
        var etag = Guid.NewGuid().ToString("N");
        await _writers.RunAsync(() =>
        {
            EnsureCurrent(path, expected, stateName, grainId);
            var temporary = $"{path}.{etag}.tmp";
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                file.Write(System.Text.Encoding.ASCII.GetBytes(etag));
                file.Write(state.ToMemory().Span);
                file.Flush(flushToDisk: true);
            }

            DirectoryFlush.Replace(temporary, path);
        });

        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public void Dispose() => _writers.Dispose();

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        EnsureCurrent(path, grainState.ETag, stateName, grainId);
        File.Delete(path);
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
        return Task.CompletedTask;
    }

    private string PathOf(string stateName, GrainId grainId)
    {
        var directory = Path.Combine(options.RootDirectory, name, Uri.EscapeDataString(stateName));
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, Uri.EscapeDataString(grainId.ToString()) + ".state");
    }

    private static void EnsureCurrent(string path, string? expected, string stateName, GrainId grainId)
    {
        string? stored = null;
        if (File.Exists(path))
        {
            using var file = File.OpenRead(path);
            var head = new byte[ETagLength];
            file.ReadExactly(head);
            stored = System.Text.Encoding.ASCII.GetString(head);
        }

        if (stored != expected)
        {
            throw new InconsistentStateException(
                $"The stored {stateName} state of {grainId} changed since it was read.", stored ?? "", expected ?? "");
        }
    }
}
