using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using Switchyard.Cli.Evaluation;

namespace Switchyard.Cli.Output;

/// <summary>Prints a <see cref="ReplayReport"/> as a table or as one JSON object.</summary>
internal static class ReplayReportWriter
{
    /// <summary>Writes <paramref name="report"/> in <paramref name="format"/>.</summary>
    public static void Write(ReplayReport report, OutputFormat format, CliEnvironment environment)
    {
        if (format == OutputFormat.Json)
        {
            environment.Out.WriteLine(Json(report));
            return;
        }

        var table = new Table().AddColumn("").AddColumn(new TableColumn("accuracy").RightAligned()).AddColumn(new TableColumn("USD / query").RightAligned());
        foreach (var point in report.RouterPoints)
        {
            table.AddRow($"[bold]{Markup.Escape(point.Name)} ({Markup.Escape(report.Policy)})[/]", Percent(point.Accuracy), Usd(point.CostUsdPerQuery));
        }
        foreach (var baseline in report.Baselines.OrderBy(b => b.CostUsdPerQuery))
        {
            table.AddRow(Markup.Escape(baseline.Name), Percent(baseline.Accuracy), Usd(baseline.CostUsdPerQuery));
        }

        table.AddRow("oracle", Percent(report.Oracle.Accuracy), Usd(report.Oracle.CostUsdPerQuery));
        environment.Console.Write(table);
        var lines = new List<string>
        {
            $"queries {report.Queries} (warmup {report.WarmupQueries}), escalation rate {Percent(report.EscalationRate)}",
            $"AIQ {report.Aiq:F4} (zero router {report.ZeroRouterAiq:F4})",
            $"cost saving at equal quality: {(report.CostSavingAtEqualQuality is { } s ? Percent(s) : "not reached")}",
            $"calls: {string.Join(", ", report.CallsPerModel.Select(c => $"{c.Key} {c.Value}"))}",
        };
        if (report.Apgr is { } apgr)
        {
            lines.Add($"APGR {apgr:F4}, CPT(50%) {Percent(report.Cpt50 ?? 1)}");
        }

        foreach (var (taskType, policy) in report.PolicyPerTaskType)
        {
            lines.Add($"{taskType}: {policy}");
        }

        if (report.StateBytesPerTaskType.Count > 0)
        {
            lines.Add($"router state: {string.Join(", ", report.StateBytesPerTaskType.Select(b => $"{b.Key} {b.Value} bytes"))}");
        }

        foreach (var line in lines)
        {
            environment.Out.WriteLine(line);
        }
    }

    /// <summary>
    /// The JSON document: <c>{"queries","accuracy","cost_usd_per_query","calls_per_model",
    /// "escalation_rate","baselines","cost_saving_at_equal_quality","aiq","zero_router_aiq"}</c>, plus
    /// <c>apgr</c> and <c>cpt_50</c> for two-model data.
    /// </summary>
    public static string Json(ReplayReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("queries", report.Queries);
            json.WriteNumber("accuracy", report.Router.Accuracy);
            json.WriteNumber("cost_usd_per_query", report.Router.CostUsdPerQuery);
            json.WriteStartObject("calls_per_model");
            foreach (var (model, calls) in report.CallsPerModel)
            {
                json.WriteNumber(model, calls);
            }

            json.WriteEndObject();
            json.WriteNumber("escalation_rate", report.EscalationRate);
            json.WriteStartObject("baselines");
            foreach (var point in report.Baselines.Append(report.Oracle))
            {
                json.WriteStartObject(point.Name);
                json.WriteNumber("accuracy", point.Accuracy);
                json.WriteNumber("cost_usd_per_query", point.CostUsdPerQuery);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            if (report.CostSavingAtEqualQuality is { } saving)
            {
                json.WriteNumber("cost_saving_at_equal_quality", saving);
            }
            else
            {
                json.WriteNull("cost_saving_at_equal_quality");
            }

            json.WriteNumber("aiq", report.Aiq);
            json.WriteNumber("zero_router_aiq", report.ZeroRouterAiq);
            if (report.Apgr is { } apgr)
            {
                json.WriteNumber("apgr", apgr);
                json.WriteNumber("cpt_50", report.Cpt50 ?? 1);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Percent(double value) => value.ToString("P1", CultureInfo.InvariantCulture);

    private static string Usd(decimal value) => "$" + value.ToString("0.000000", CultureInfo.InvariantCulture);
}
