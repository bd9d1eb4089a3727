using CsvHelper;
using Switchyard.Caching.Evaluation;

namespace Switchyard.Cli.Commands;

/// <summary>
/// Reads labelled question pairs from a CSV file with the header <c>question1,question2,is_duplicate</c>
/// (is_duplicate 0 or 1). Anything else is refused with the line at fault.
/// </summary>
internal static class PairsFile
{
    private static readonly string[] Header = ["question1", "question2", "is_duplicate"];

    /// <summary>The pairs in <paramref name="path"/>; throws <see cref="FormatException"/> naming the line of the first bad record.</summary>
    public static List<QuestionPair> Read(string path)
    {
        var options = new CsvReaderOptions
        {
            Separator = ',',
            MalformedData = CsvMalformedDataHandling.Throw,
            TrackLineNumbers = true,
        };
        var pairs = new List<QuestionPair>();
        try
        {
            using var csv = CsvReader.FromFile(path, options);
            while (csv.Read())
            {
                if (pairs.Count == 0 && !csv.Headers.Select(h => h.Trim()).SequenceEqual(Header, StringComparer.OrdinalIgnoreCase))
                {
                    throw new FormatException($"{path}: line 1: the header must be '{string.Join(',', Header)}'.");
                }

                if (csv.FieldCount != Header.Length)
                {
                    throw new FormatException($"{path}: line {csv.LineNumber}: expected {Header.Length} fields, found {csv.FieldCount}.");
                }

                var duplicate = csv.GetString(2).Trim() switch
                {
                    "1" => true,
                    "0" => false,
                    var other => throw new FormatException($"{path}: line {csv.LineNumber}: is_duplicate must be 0 or 1, not '{other}'."),
                };
                pairs.Add(new QuestionPair(csv.GetString(0), csv.GetString(1), duplicate));
            }
        }
        catch (CsvFormatException exception)
        {
            throw new FormatException($"{path}: line {exception.LineNumber}: {exception.Message}", exception);
        }

        return pairs.Count > 0 ? pairs : throw new FormatException($"{path}: line 1: no pairs (expected the header '{string.Join(',', Header)}' and at least one record).");
    }
}
