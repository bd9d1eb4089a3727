using Orleans.Storage;

namespace Switchyard.Silo.Storage;

/// <summary>
/// Grain state on local disk for the embedded single-silo default. Each write goes to a temporary
/// file that is flushed to the device and then atomically renamed over the old one, so a process
/// killed at any instant leaves either the old state or the new one, never a torn file: once a write
/// has returned, it survives a crash. An ETag stored at the head of each file guards against a stale
/// activation overwriting a newer state.
/// </summary>
public sealed class FileGrainStorage(string name, FileGrainStorageOptions options, IGrainStorageSerializer serializer) : IGrainStorage
{
    private const int ETagLength = 32;

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
        EnsureCurrent(path, grainState.ETag, stateName, grainId);

        var etag = Guid.NewGuid().ToString("N");
        var temporary = $"{path}.{etag}.tmp";
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
        {
            await file.WriteAsync(System.Text.Encoding.ASCII.GetBytes(etag));
            await file.WriteAsync(serializer.Serialize(grainState.State).ToMemory());
            await file.FlushAsync();
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

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
