using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Switchyard.Budget;
using Switchyard.Storage;

namespace Switchyard.Silo.Storage;

/// <summary>
/// One tenant's budget files. The journal is append-only text, one entry per line
/// (<c>kind|unix-ms|amount|escaped request id</c>); an append returns once the operating system has it
/// (<see cref="BudgetDurability.Process"/>: the store flushes dirty journals to the device on a timer) or
/// only after the device has confirmed it (<see cref="BudgetDurability.Device"/>: fsync). A process
/// killed mid-append leaves at most one incomplete last line, which
/// was never acknowledged and is cut off when the journal is next opened. A snapshot is written to a
/// temporary file, flushed and renamed over the old one, and names the generation of the fresh journal
/// that follows it, so a crash between the rename and the switch never replays an old journal twice.
/// </summary>
internal sealed class FileBudgetJournal : IBudgetJournal
{
    private readonly string _directory;
    private readonly string _name;
    private readonly DeviceFlushQueue _flushes;
    private readonly BudgetDurability _durability;
    private readonly Lock _gate = new();
    private readonly ArrayBufferWriter<byte> _lines = new(256);
    private FileStream _stream;
    private long _generation;
    private bool _dirty;

    private FileBudgetJournal(
        string directory, string name, DeviceFlushQueue flushes, BudgetDurability durability, long generation, FileStream stream, BudgetState? snapshot, List<BudgetEntry> entries)
    {
        _flushes = flushes;
        _durability = durability;
        _directory = directory;
        _name = name;
        _generation = generation;
        _stream = stream;
        Snapshot = snapshot;
        Entries = entries;
        Length = entries.Count;
    }

    public BudgetState? Snapshot { get; }

    public IReadOnlyList<BudgetEntry> Entries { get; }

    public int Length { get; private set; }

    /// <summary>True once the journal is disposed.</summary>
    public bool IsClosed { get; private set; }

    public static FileBudgetJournal Open(string directory, string name, DeviceFlushQueue flushes, BudgetDurability durability = BudgetDurability.Device)
    {
        var snapshotPath = Path.Combine(directory, name + ".snapshot");
        BudgetSnapshotFile? snapshot = null;
        if (File.Exists(snapshotPath))
        {
            snapshot = JsonSerializer.Deserialize(File.ReadAllBytes(snapshotPath), BudgetStoreJsonContext.Default.BudgetSnapshotFile);
        }

        var generation = snapshot?.Generation ?? 0;
        var journalPath = JournalPath(directory, name, generation);
        var created = !File.Exists(journalPath);
        var stream = new FileStream(journalPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
        if (created && durability == BudgetDurability.Device)
        {
            // The journal's name must survive a power cut as surely as the entries flushed into it.
            DirectoryFlush.Flush(directory);
        }

        var entries = new List<BudgetEntry>();
        long valid;
        try
        {
            valid = ReadEntries(stream, entries);
        }
        catch
        {
            // A journal that cannot be opened keeps no handle: the next activation reads it afresh.
            stream.Dispose();
            throw;
        }

        if (valid < stream.Length)
        {
            stream.SetLength(valid);
            stream.Flush(flushToDisk: true);
        }

        stream.Seek(0, SeekOrigin.End);
        DeleteOtherGenerations(directory, name, generation);
        return new FileBudgetJournal(directory, name, flushes, durability, generation, stream, snapshot?.State, entries);
    }

    public Task AppendAsync(IReadOnlyList<BudgetEntry> entries)
    {
        Length += entries.Count;
        if (_durability == BudgetDurability.Process)
        {
            // One write system call (the stream has no buffer of its own): once it returns the kernel has
            // the bytes, and a killed process cannot lose them. The lines are formatted into a buffer kept for the next append.
            lock (_gate)
            {
                _lines.ResetWrittenCount();
                BudgetEntryLine.AppendLines(_lines, entries);
                _stream.Write(_lines.WrittenSpan);
                _dirty = true;
            }

            return Task.CompletedTask;
        }

        var lines = new ArrayBufferWriter<byte>(entries.Count * 64);
        BudgetEntryLine.AppendLines(lines, entries);
        var bytes = lines.WrittenMemory;

        // Off the caller's thread: the flush blocks until the device confirms.
        return _flushes.RunAsync(() =>
        {
            lock (_gate)
            {
                _stream.Write(bytes.Span);
                _stream.Flush(flushToDisk: true);
            }
        });
    }

    /// <summary>Flushes what was written since the last flush to the device (fsync), without holding up writers.</summary>
    public void FlushToDeviceIfDirty()
    {
        FileStream stream;
        lock (_gate)
        {
            if (!_dirty || IsClosed)
            {
                return;
            }

            _dirty = false;
            stream = _stream;
        }

        try
        {
            RandomAccess.FlushToDisk(stream.SafeFileHandle);
        }
        catch (ObjectDisposedException)
        {
            // A snapshot replaced this journal file after flushing it.
        }
    }

    public Task WriteSnapshotAsync(BudgetState state)
    {
        var next = _generation + 1;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new BudgetSnapshotFile(next, state), BudgetStoreJsonContext.Default.BudgetSnapshotFile);
        Length = 0;
        return _flushes.RunAsync(() =>
        {
            lock (_gate)
            {
                SwitchToSnapshot(bytes, next);
            }
        });
    }

    private void SwitchToSnapshot(byte[] bytes, long next)
    {
        var nextStream = new FileStream(JournalPath(_directory, _name, next), FileMode.Create, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
        nextStream.Flush(flushToDisk: true);

        var snapshotPath = Path.Combine(_directory, _name + ".snapshot");
        var temporary = snapshotPath + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(bytes);
            file.Flush(flushToDisk: true);
        }

        // The rename and the new journal's name reach the device before the old journal goes: otherwise a power
        // cut could leave the old snapshot pointing at a deleted journal, and the spend since it forgotten.
        DirectoryFlush.Replace(temporary, snapshotPath);
        var old = _stream;
        _stream = nextStream;
        _generation = next;
        _dirty = false;
        old.Dispose();
        File.Delete(JournalPath(_directory, _name, next - 1));
    }

    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            IsClosed = true;
            if (_dirty)
            {
                _stream.Flush(flushToDisk: true);
            }

            _stream.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private static string JournalPath(string directory, string name, long generation) =>
        Path.Combine(directory, $"{name}.{generation.ToString(CultureInfo.InvariantCulture)}.journal");

    private static void DeleteOtherGenerations(string directory, string name, long generation)
    {
        var keep = Path.GetFileName(JournalPath(directory, name, generation));
        foreach (var path in Directory.EnumerateFiles(directory, name + ".*.journal"))
        {
            if (Path.GetFileName(path) != keep && path[(directory.Length + name.Length + 2)..^".journal".Length].All(char.IsAsciiDigit))
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>
    /// Reads the journal's entries up to its first line that is not a well-formed entry. What follows that
    /// line is a torn write (the tail of an append the process or machine died in) and is dropped, unless
    /// a well-formed entry follows it: then the damage is in the middle, and dropping the rest would drop
    /// settled spend with it.
    /// </summary>
    /// <returns>The length of the journal's prefix of complete, well-formed lines.</returns>
    /// <exception cref="InvalidDataException">A damaged line lies before well-formed ones.</exception>
    private static long ReadEntries(FileStream stream, List<BudgetEntry> entries)
    {
        var bytes = new byte[stream.Length];
        stream.Seek(0, SeekOrigin.Begin);
        stream.ReadExactly(bytes);
        var start = 0;
        while (start < bytes.Length)
        {
            if (ReadLine(bytes, start, out var next) is not { } entry)
            {
                if (EntryFollows(bytes, next))
                {
                    throw new InvalidDataException(
                        $"The budget journal '{stream.Name}' is damaged at byte {start}: well-formed entries follow a line that is not one. " +
                        "It is not opened, so no settled spend is dropped; restore the file from a backup or repair that line.");
                }

                break;
            }

            entries.Add(entry);
            start = next;
        }

        return start;
    }

    /// <summary>The entry on the line at <paramref name="start"/>, or null; <paramref name="next"/> is where the following line starts.</summary>
    private static BudgetEntry? ReadLine(byte[] bytes, int start, out int next)
    {
        var end = Array.IndexOf(bytes, (byte)'\n', start);
        next = end < 0 ? bytes.Length : end + 1;
        return end >= 0 && BudgetEntryLine.TryParse(Encoding.UTF8.GetString(bytes, start, end - start), out var entry) ? entry : null;
    }

    private static bool EntryFollows(byte[] bytes, int start)
    {
        while (start < bytes.Length)
        {
            if (ReadLine(bytes, start, out start) is not null)
            {
                return true;
            }
        }

        return false;
    }
}
