using System.Globalization;
using System.Text;
using System.Text.Json;
using Switchyard.Ledger;

namespace Switchyard.Silo.Ledger;

/// <summary>
/// The embedded default's ledger: JSON lines under <c>{data}/ledger/{yyyy-MM-dd}/{host}-{pid}.jsonl</c>,
/// one file per process per UTC day, so silos sharing a data directory never write the same file.
/// Each batch is appended and flushed to disk. A report reads every file of the day; a row written
/// twice (a retried batch) counts once, and a line cut short by a crash is skipped.
/// </summary>
public sealed partial class FileLedgerStore(string dataDirectory, ILogger<FileLedgerStore> logger) : ILedgerStore
{
    private readonly string _root = Path.Combine(dataDirectory, "ledger");
    private readonly string _fileName = $"{SafeName(Environment.MachineName)}-{Environment.ProcessId}.jsonl";
    private readonly SemaphoreSlim _writing = new(1, 1);

    /// <inheritdoc />
    public async Task WriteAsync(IReadOnlyList<ApiCall> batch, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            foreach (var day in batch.GroupBy(c => DayOf(c.At)))
            {
                var directory = Path.Combine(_root, day.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                Directory.CreateDirectory(directory);
                var text = new StringBuilder();
                foreach (var call in day)
                {
                    text.Append(JsonSerializer.Serialize(call, LedgerJsonContext.Default.ApiCall)).Append('\n');
                }

                await using var file = new FileStream(Path.Combine(directory, _fileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
                if (file.Length > 0)
                {
                    // A process killed mid-write (or an earlier one with this pid) may have left a torn last
                    // line: start on a line of our own so that only the torn row is lost.
                    file.Seek(-1, SeekOrigin.End);
                    if (file.ReadByte() != '\n')
                    {
                        text.Insert(0, '\n');
                    }
                }

                file.Seek(0, SeekOrigin.End);
                await file.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), cancellationToken);
                file.Flush(flushToDisk: true);
            }
        }
        finally
        {
            _writing.Release();
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
