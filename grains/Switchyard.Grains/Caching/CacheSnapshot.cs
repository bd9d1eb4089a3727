using System.Runtime.InteropServices;
using System.Text;
using Switchyard.Completion;
using Switchyard.Routing;
using Switchyard.Storage;

namespace Switchyard.Caching;

/// <summary>
/// Writes a shard's entries to a file and reads them back, so a cache is warm after a restart. The
/// file is written beside its target, flushed to the device and then renamed over it (the rename flushed
/// too), so a crash or a power cut mid-write leaves the previous snapshot intact. Entries are written least recently used first, which restores the order.
/// </summary>
public static class CacheSnapshot
{
    private const int Magic = 0x53594353; // "SCYS"
    private const int Version = 1;

    /// <summary>Writes every entry of <paramref name="store"/> to <paramref name="path"/>; returns how many.</summary>
    public static int Write(CacheShardStore store, string path)
    {
        using var capture = store.Capture();
        return Write(capture, path);
    }

    /// <summary>
    /// Writes the entries of <paramref name="capture"/> to <paramref name="path"/>; returns how many.
    /// Touches nothing of the shard it came from, so it may run on any thread.
    /// </summary>
    public static int Write(CacheShardCapture capture, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
        using (var writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(capture.Count);
            for (var i = 0; i < capture.Count; i++)
            {
                WriteEntry(writer, capture.Entry(i), capture.Hits(i), capture.Embedding(i));
            }

            // On the device before the rename: after a power cut the snapshot is the old one or the new one, never a short file.
            writer.Flush();
            file.Flush(flushToDisk: true);
        }

        DirectoryFlush.Replace(temporary, path);
        return capture.Count;
    }

    /// <summary>
    /// Adds the live entries saved in <paramref name="path"/> to <paramref name="store"/>; returns how
    /// many were read (expired ones are read and dropped). A missing file reads as empty.
    /// </summary>
    public static int Read(CacheShardStore store, string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        if (reader.ReadInt32() != Magic || reader.ReadInt32() != Version)
        {
            throw new InvalidDataException($"'{path}' is not a cache snapshot of version {Version}.");
        }

        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadString();
            var taskType = reader.ReadString();
            var expiresAt = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var hits = reader.ReadInt64();
            var completion = new CachedCompletion(
                reader.ReadString(),
                reader.ReadString(),
                (ModelTier)reader.ReadInt32(),
                new TokenUsage(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32()),
                reader.ReadString(),
                new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero));
            var context = reader.ReadUInt64();
            var dimensions = reader.ReadInt32();
            float[]? embedding = null;
            if (dimensions > 0)
            {
                embedding = new float[dimensions];
                reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(embedding.AsSpan()));
            }

            store.Restore(new CacheEntryWrite(key, taskType, completion, TimeSpan.Zero, context, embedding), expiresAt, hits);
        }

        return count;
    }

    private static void WriteEntry(BinaryWriter writer, CacheShardEntry entry, long hits, ReadOnlySpan<float> embedding)
    {
        writer.Write(entry.Key);
        writer.Write(entry.TaskType);
        writer.Write(entry.ExpiresAt.UtcTicks);
        writer.Write(hits);
        writer.Write(entry.Content);
        writer.Write(entry.Model);
        writer.Write((int)entry.Tier);
        writer.Write(entry.InputTokens);
        writer.Write(entry.CachedInputTokens);
        writer.Write(entry.OutputTokens);
        writer.Write(entry.FinishReason);
        writer.Write(entry.CreatedAt.UtcTicks);
        writer.Write(entry.Context);
        writer.Write(embedding.Length);
        writer.Write(MemoryMarshal.AsBytes(embedding));
    }
}
