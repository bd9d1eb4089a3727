using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Switchyard.Client;

namespace Switchyard.Cli.Output;

/// <summary>Prints a completion as text (the answer, then a routing table) or as one JSON object.</summary>
internal static class ChatFormatter
{
    /// <summary>Writes <paramref name="completion"/> in <paramref name="format"/>.</summary>
    public static void Write(SwitchyardCompletion completion, OutputFormat format, CliEnvironment environment)
    {
        if (format == OutputFormat.Json)
        {
            environment.Out.WriteLine(JsonSerializer.Serialize(ToJson(completion), CliJsonContext.Default.ChatJson));
            return;
        }

        // The answer goes out unstyled: Spectre would wrap it at the console width and read brackets as markup.
        environment.Out.WriteLine(completion.Content);
        environment.Out.WriteLine();
        environment.Console.Write(RoutingTable(completion));
    }

    /// <summary>The routing metadata as a two-column table.</summary>
    public static Table RoutingTable(SwitchyardCompletion completion)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("routing").AddColumn("");
        AddRow(table, "model", completion.Model);
        AddRow(table, "tier", WireNames.Tier(completion.Tier));
        AddRow(table, "cache", WireNames.Cache(completion.Cache));
        AddRow(table, "cost (USD)", FormatCost(completion.CostUsd));
        AddRow(table, "escalations", completion.Escalations.ToString(CultureInfo.InvariantCulture));
        AddRow(table, "tiers tried", string.Join(" → ", completion.TiersTried.Select(WireNames.Tier)));
        AddRow(table, "tokens", string.Create(CultureInfo.InvariantCulture, $"{completion.Usage.InputTokens} in, {completion.Usage.OutputTokens} out"));
        AddRow(table, "request id", completion.RequestId);
        return table;
    }

    /// <summary>The JSON document of <paramref name="completion"/>.</summary>
    public static ChatJson ToJson(SwitchyardCompletion completion) => new(
        completion.Content,
        completion.Model,
        WireNames.Tier(completion.Tier),
        WireNames.Cache(completion.Cache),
        completion.CostUsd,
        completion.Escalations,
        [.. completion.TiersTried.Select(WireNames.Tier)],
        completion.RequestId,
        new ChatJson.TokenCounts(completion.Usage.InputTokens, completion.Usage.OutputTokens));

    // Costs are fractions of a cent; show every significant digit without trailing zeros.
    private static string FormatCost(decimal usd) => usd.ToString("0.############", CultureInfo.InvariantCulture);

    private static void AddRow(Table table, string name, string value) => table.AddRow(new Text(name), new Text(value));
}
