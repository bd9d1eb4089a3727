using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Switchyard.Ledger;
using Switchyard.Silo.Storage;
using Switchyard.Storage;

namespace Switchyard.Silo.Ledger;

/// <summary>
/// The embedded default's ledger: JSON lines under <c>{data}/ledger/{yyyy-MM-dd}/{host}-{pid}.jsonl</c>,
/// one file per process per UTC day, so silos sharing a data directory never write the same file.
/// Each batch is appended and flushed to disk. A report reads every file of the day; a row written
/// twice (a retried batch) counts once, and a line cut short by a crash is skipped.
/// </summary>
/// <remarks>
/// A batch is written and flushed to the device on a thread of its own: fsync blocks for milliseconds,
/// and on a thread-pool thread that stall lands in the latency of whatever requests were queued
/// behind it.
/// </remarks>
public sealed partial class FileLedgerStore(string dataDirectory, ILogger<FileLedgerStore> logger) : ILedgerStore, IDisposable
{
    private readonly string _root = Path.Combine(dataDirectory, "ledger");
    private readonly string _fileName = $"{SafeName(Environment.MachineName)}-{Environment.ProcessId}.jsonl";

    // One writer thread: batches are appended in order, one at a time.
    private readonly DeviceFlushQueue _writer = new(threads: 1, name: "switchyard-ledger");

    // The writer thread's buffer and JSON writer, kept from one batch to the next.
    private readonly ArrayBufferWriter<byte> _lines = new(4096);
    private readonly Utf8JsonWriter _json = new(Stream.Null, new JsonWriterOptions { Encoder = LedgerJsonContext.Default.Options.Encoder });

    /// <inheritdoc />
    public Task WriteAsync(IReadOnlyList<ApiCall> batch, CancellationToken cancellationToken) =>
        _writer.RunAsync(() => Write(batch, cancellationToken));

    /// <inheritdoc />
    public void Dispose()
    {
        _writer.Dispose();
        _json.Dispose();
    }

    private void Write(IReadOnlyList<ApiCall> batch, CancellationToken cancellationToken)
    {
        foreach (var day in batch.GroupBy(c => DayOf(c.At)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var directory = Path.Combine(_root, day.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, _fileName);
            var created = !File.Exists(path);
            using var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
            _lines.ResetWrittenCount();
            if (file.Length > 0)
            {
                // A process killed mid-write (or an earlier one with this pid) may have left a torn last
                // line: start on a line of our own so that only the torn row is lost.
                file.Seek(-1, SeekOrigin.End);
                if (file.ReadByte() != '\n')
                {
                    _lines.Write("\n"u8);
                }
            }

            // Each row is serialized as UTF-8 straight into the buffer, one JSON document per line.
            foreach (var call in day)
            {
                _json.Reset(_lines);
                JsonSerializer.Serialize(_json, call, LedgerJsonContext.Default.ApiCall);
                _json.Flush();
                _lines.Write("\n"u8);
            }

            file.Seek(0, SeekOrigin.End);
            file.Write(_lines.WrittenSpan);
            file.Flush(flushToDisk: true);
            if (created)
            {
                // The day's directory and this file's name, as durable as the rows just flushed.
                DirectoryFlush.Flush(directory);
                DirectoryFlush.Flush(_root);
            }
        }
    }

    /// <inheritdoc />
    public async Task<DailyReport> DailyAsync(DateOnly date, string? tenantId, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(_root, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var calls = new Dictionary<Guid, ApiCall>();
        if (Directory.Exists(directory))
        {
            foreach (var path in Directory.EnumerateFiles(directory, "*.jsonl"))
            {
                await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(file, Encoding.UTF8);
                var number = 0;
                while (await reader.ReadLineAsync(cancellationToken) is { } line)
                {
                    number++;
                    if (line.Length == 0)
                    {
                        continue;
                    }

                    ApiCall? row;
                    try
                    {
                        row = JsonSerializer.Deserialize(line, LedgerJsonContext.Default.ApiCall);
                    }
                    catch (JsonException)
                    {
                        LogUnreadableLine(logger, Path.GetFileName(path), number);
                        continue;
                    }

                    if (row is not null && (tenantId is null || row.TenantId == tenantId))
                    {
                        calls.TryAdd(row.Id, row);
                    }
                }
            }
        }

        return DailyReport.Aggregate(date, calls.Values.Where(c => DayOf(c.At) == date));
    }

    private static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static string SafeName(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipping an unreadable ledger line ({File} line {Line}), for example one cut short by a crash")]
    private static partial void LogUnreadableLine(ILogger logger, string file, int line);
}
