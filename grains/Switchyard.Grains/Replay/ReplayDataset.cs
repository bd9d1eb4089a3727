using System.Globalization;
using CsvHelper;

namespace Switchyard.Replay;

/// <summary>
/// Recorded queries read from replay files. Two layouts are understood, told apart by their header:
/// the RouterBench wide CSV (<c>sample_id</c>, <c>eval_name</c>, <c>prompt</c> as a Python list
/// literal, then per model a correctness column, <c>model|model_response</c> and
/// <c>model|total_cost</c>) and the RouteLLM two-model CSV (<c>prompt</c>, then one True/False column
/// per model, no texts and no costs; the task type is the file name's first word). A file that fits
/// neither, or a cell that cannot be read, is refused with the file and the line at fault.
/// </summary>
public sealed class ReplayDataset
{
    private const string ResponseSuffix = "|model_response";
    private const string CostSuffix = "|total_cost";
    private static readonly HashSet<string> RouterBenchColumns = ["sample_id", "eval_name", "prompt", "oracle_model_to_route_to"];

    private readonly Dictionary<string, ReplayQuery> _byPrompt = new(StringComparer.Ordinal);

    private ReplayDataset(List<ReplayQuery> queries, List<string> models)
    {
        Queries = queries;
        Models = models;
        foreach (var query in queries)
        {
            _byPrompt.TryAdd(query.Prompt, query);
        }
    }

    /// <summary>Every query, in file order.</summary>
    public IReadOnlyList<ReplayQuery> Queries { get; }

    /// <summary>Every model that answered, in column order of the first file.</summary>
    public IReadOnlyList<string> Models { get; }

    /// <summary>Reads <paramref name="files"/>.</summary>
    /// <exception cref="ReplayFormatException">A file is malformed.</exception>
    public static ReplayDataset Load(IEnumerable<string> files)
    {
        var queries = new List<ReplayQuery>();
        var models = new List<string>();
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                throw new ReplayFormatException(file, 0, "the file does not exist.");
            }

            foreach (var query in Read(file, models))
            {
                queries.Add(query);
            }
        }

        return new ReplayDataset(queries, models);
    }

    /// <summary>The recorded query whose prompt is exactly <paramref name="prompt"/>.</summary>
    public ReplayQuery? Find(string prompt) => _byPrompt.GetValueOrDefault(prompt);

    private static List<ReplayQuery> Read(string file, List<string> models)
    {
        var name = Path.GetFileName(file);
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
        };
        try
        {
            using var csv = CsvReader.FromFile(file, options);
            csv.ReadHeader();
            var header = csv.Headers.ToList();
            var routerBench = header.Contains("sample_id") && header.Contains("eval_name") && header.Contains("prompt");
            var fileModels = routerBench
                ? header.Where(h => h.Length > 0 && !h.Contains('|') && !RouterBenchColumns.Contains(h)).ToList()
                : header.Where(h => h.Length > 0 && h != "prompt").ToList();
            if (!header.Contains("prompt") || fileModels.Count == 0)
            {
                throw new ReplayFormatException(name, 1, "the header is neither a RouterBench wide CSV (sample_id, eval_name, prompt, models…) nor a RouteLLM CSV (prompt, models…).");
            }

            foreach (var model in fileModels.Where(m => !models.Contains(m)))
            {
                models.Add(model);
            }

            var columns = header.Select((h, i) => (h, i)).GroupBy(c => c.h).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
            var taskType = Path.GetFileNameWithoutExtension(file).Split('_')[0];
            var queries = new List<ReplayQuery>();
            while (csv.Read())
            {
                var row = new Row(csv, columns, name, csv.LineNumber);
                queries.Add(routerBench
                    ? RouterBenchQuery(row, fileModels)
                    : RouteLlmQuery(row, fileModels, taskType, Path.GetFileNameWithoutExtension(file), queries.Count));
            }

            return queries;
        }
        catch (CsvFormatException exception)
        {
            throw new ReplayFormatException(name, exception.LineNumber, exception.Message);
        }
    }

    private static ReplayQuery RouterBenchQuery(Row row, List<string> models)
    {
        var (file, line) = (row.File, row.Line);
        var sampleId = row["sample_id"];
        var taskType = row["eval_name"];
        if (sampleId.Length == 0 || taskType.Length == 0)
        {
            throw new ReplayFormatException(file, line, "sample_id and eval_name are required.");
        }

        var prompt = PythonLiteral.UnwrapStringList(row["prompt"])
            ?? throw new ReplayFormatException(file, line, "prompt is not a Python list literal of strings (['…']).");
        var answers = new Dictionary<string, ReplayAnswer>(StringComparer.Ordinal);
        foreach (var model in models)
        {
            var response = row[model + ResponseSuffix];
            answers[model] = new ReplayAnswer(
                PythonLiteral.UnwrapStringList(response) ?? response,
                ParseCorrect(row[model], model, file, line),
                ParseCost(row[model + CostSuffix], model, file, line));
        }

        return new ReplayQuery(sampleId, taskType, prompt, answers, $"{file}:{line}");
    }

    private static ReplayQuery RouteLlmQuery(Row row, List<string> models, string taskType, string stem, int index)
    {
        var answers = models.ToDictionary(
            m => m, m => new ReplayAnswer("", ParseCorrect(row[m], m, row.File, row.Line), null), StringComparer.Ordinal);
        return new ReplayQuery($"{stem}.{index}", taskType, row["prompt"], answers, $"{row.File}:{row.Line}");
    }

    /// <summary>The current record of a reader, by column name; a missing column reads as empty.</summary>
    private readonly record struct Row(CsvReader Reader, Dictionary<string, int> Columns, string File, long Line)
    {
        public string this[string column] => Columns.TryGetValue(column, out var index) ? Reader.GetString(index) : "";
    }

    private static bool ParseCorrect(string cell, string model, string file, long line) => cell.Trim() switch
    {
        "" => false,
        "True" or "true" => true,
        "False" or "false" => false,
        var value when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) && score is >= 0 and <= 1 => score >= 0.5,
        var value => throw new ReplayFormatException(file, line, $"the correctness of '{model}' is '{value}', not 0–1, True/False or empty."),
    };

    private static decimal? ParseCost(string cell, string model, string file, long line)
    {
        if (cell.Trim().Length == 0)
        {
            return null;
        }

        return decimal.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var cost) && cost >= 0
            ? cost
            : throw new ReplayFormatException(file, line, $"the cost of '{model}' is '{cell}', not a non-negative number.");
    }
}
