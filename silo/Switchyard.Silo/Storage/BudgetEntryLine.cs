using System.Buffers;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using System.Text.Unicode;
using Switchyard.Budget;

namespace Switchyard.Silo.Storage;

/// <summary>
/// The text form of a journal entry, shared by every budget store: <c>kind|unix-ms|amount|escaped request id|crc</c>,
/// where <c>crc</c> is the CRC-32 of the line before it, as eight hexadecimal digits. The checksum tells a damaged
/// line from a well-formed one, so a store never replays a changed amount; lines written before it had one
/// (four fields) still read.
/// </summary>
internal static class BudgetEntryLine
{
    /// <summary>The entry as one line, without a line break.</summary>
    public static string Format(BudgetEntry entry)
    {
        var line = new ArrayBufferWriter<byte>(64);
        AppendLine(line, entry);
        return Encoding.UTF8.GetString(line.WrittenSpan[..^1]);
    }

    /// <summary>Appends <paramref name="entries"/>, one line each, to <paramref name="destination"/> as UTF-8.</summary>
    public static void AppendLines(ArrayBufferWriter<byte> destination, IReadOnlyList<BudgetEntry> entries)
    {
        foreach (var entry in entries)
        {
            AppendLine(destination, entry);
        }
    }

    /// <summary>
    /// Appends the entry as one line, <c>kind|unix-ms|amount|escaped request id|crc</c> and a line break, to
    /// <paramref name="destination"/> as UTF-8, with no string in between.
    /// </summary>
    public static void AppendLine(ArrayBufferWriter<byte> destination, BudgetEntry entry)
    {
        // Escaping turns each of a character's (at most three) UTF-8 bytes into three; the rest of the line is under 80 bytes.
        var span = destination.GetSpan(80 + (3 * Encoding.UTF8.GetMaxByteCount(entry.RequestId.Length)));
        if (!Utf8.TryWrite(span, CultureInfo.InvariantCulture,
                $"{Code(entry.Kind)}|{entry.At.ToUnixTimeMilliseconds()}|{entry.AmountUsd}|{Uri.EscapeDataString(entry.RequestId)}", out var body)
            || !Utf8.TryWrite(span[body..], CultureInfo.InvariantCulture, $"|{Crc32.HashToUInt32(span[..body]):x8}\n", out var tail))
        {
            throw new InvalidOperationException("A budget journal line did not fit its buffer.");
        }

        destination.Advance(body + tail);
    }

    /// <summary>Reads a line written by <see cref="Format"/>; false when it is not one, or its checksum does not match.</summary>
    public static bool TryParse(string line, out BudgetEntry entry)
    {
        entry = default;
        var parts = line.Split('|');
        if (parts.Length == 5)
        {
            // Escaped ids are ASCII, so the line's characters are its bytes.
            var body = line.AsSpan(0, line.LastIndexOf('|'));
            if (!Ascii.IsValid(body))
            {
                return false;
            }

            Span<byte> bytes = body.Length <= 512 ? stackalloc byte[body.Length] : new byte[body.Length];
            Encoding.ASCII.GetBytes(body, bytes);
            if (!uint.TryParse(parts[4], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var crc)
                || parts[4].Length != 8
                || crc != Crc32.HashToUInt32(bytes))
            {
                return false;
            }
        }
        else if (parts.Length != 4)
        {
            return false;
        }

        if (parts[0] is not ("H" or "S" or "R" or "A")
            || !long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            || !decimal.TryParse(parts[2], NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        var kind = parts[0] switch { "H" => BudgetEntryKind.Hold, "S" => BudgetEntryKind.Settle, "A" => BudgetEntryKind.Alert, _ => BudgetEntryKind.Release };
        entry = new BudgetEntry(kind, Uri.UnescapeDataString(parts[3]), amount, DateTimeOffset.FromUnixTimeMilliseconds(ms));
        return true;
    }

    private static string Code(BudgetEntryKind kind) => kind switch
    {
        BudgetEntryKind.Hold => "H",
        BudgetEntryKind.Settle => "S",
        BudgetEntryKind.Alert => "A",
        _ => "R",
    };
}
