using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Switchyard.Cli.Commands;

/// <summary><c>switchyard report daily [--date YYYY-MM-DD] [--tenant ID]</c>: calls, tokens and cost per model, from the ledger.</summary>
internal static class ReportCommand
{
    /// <summary>Defines <c>report</c> with its <c>daily</c> subcommand.</summary>
    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var api = new AdminApi();
        var date = new Option<string?>("--date") { Description = "The UTC day, YYYY-MM-DD. Default: today (UTC)." };
        var tenant = new Option<string?>("--tenant") { Description = "One tenant only. Default: every tenant." };
        var daily = new Command("daily", "Calls, tokens and cost per model over one UTC day, from the ledger.") { date, tenant, api.Url, api.AdminKey };
        daily.SetAction(async (parse, cancellationToken) =>
        {
            var query = new List<string>();
            if (parse.GetValue(date) is { } day)
            {
                query.Add("date=" + Uri.EscapeDataString(day));
            }

            if (parse.GetValue(tenant) is { } id)
            {
                query.Add("tenant=" + Uri.EscapeDataString(id));
            }

            var path = "/admin/reports/daily" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
            return await api.RunAsync(parse, c => c.GetAsync(path, cancellationToken), async response =>
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (parse.GetValue(global.Output) == Output.OutputFormat.Json)
                {
                    await environment.Out.WriteLineAsync(body);
                    return ExitCodes.Success;
                }

                using var document = JsonDocument.Parse(body);
                Print(document.RootElement, environment);
                return ExitCodes.Success;
            }, environment, cancellationToken);
        });

        return new Command("report", "Reports from the ledger of provider calls, through the admin API.") { daily };
    }

    private static void Print(JsonElement report, CliEnvironment environment)
    {
        var console = environment.Console;
        var tenant = report.TryGetProperty("tenant", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : "every tenant";
        console.MarkupLine($"[bold]{Markup.Escape(report.GetProperty("date").GetString()!)}[/], {Markup.Escape(tenant!)}");
        var table = new Table().AddColumns("model", "calls", "cache hits", "prompt tokens", "cached tokens", "completion tokens", "cost (USD)");
        foreach (var column in table.Columns.Skip(1))
        {
            column.RightAligned();
        }

        foreach (var row in report.GetProperty("rows").EnumerateArray())
        {
            table.AddRow(
                Markup.Escape(row.GetProperty("model").GetString()!),
                Count(row, "calls"),
                Count(row, "cache_hits"),
                Count(row, "prompt_tokens"),
                Count(row, "cached_tokens"),
                Count(row, "completion_tokens"),
                Usd(row.GetProperty("cost_usd").GetDecimal()));
        }

        table.AddRow("[bold]total[/]", "", "", "", "", "", $"[bold]{Usd(report.GetProperty("total_usd").GetDecimal())}[/]");
        console.Write(table);

        // Older silos send no audit fields; a report without audits says nothing about them.
        if (report.TryGetProperty("audit_usd", out var audits) && audits.GetDecimal() > 0)
        {
            var calls = report.GetProperty("rows").EnumerateArray().Sum(row => row.GetProperty("audit_calls").GetInt64());
            console.MarkupLine($"audits (Switchyard's own calls, not in the total): {calls.ToString("N0", CultureInfo.InvariantCulture)} calls, {Usd(audits.GetDecimal())} USD");
        }
    }

    private static string Count(JsonElement row, string name) => row.GetProperty(name).GetInt64().ToString("N0", CultureInfo.InvariantCulture);

    private static string Usd(decimal amount) => amount.ToString("0.00####", CultureInfo.InvariantCulture);
}
