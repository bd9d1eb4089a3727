using System.Globalization;
using System.Net;
using System.Text;
using Switchyard.Cli.Evaluation;
using Switchyard.Replay.Evaluation;

namespace Switchyard.Cli.Output;

/// <summary>
/// The HTML report: the cost–quality plane as inline SVG — each single model, the zero router's hull,
/// the oracle and the router's point — and the figures as a table. No scripts, no external files.
/// </summary>
internal static class ReplayReportHtml
{
    private const int Width = 720, Height = 480, Margin = 60;

    /// <summary>The report as one self-contained HTML page.</summary>
    public static string Render(ReplayReport report)
    {
        var all = report.Baselines.Append(report.Oracle).Concat(report.RouterPoints).ToList();
        var maxCost = (double)all.Max(p => p.CostUsdPerQuery) * 1.05;
        var minAccuracy = Math.Max(0, all.Min(p => p.Accuracy) - 0.05);
        string X(decimal cost) => F(Margin + ((double)cost / (maxCost == 0 ? 1 : maxCost) * (Width - (2 * Margin))));
        string Y(double accuracy) => F(Height - Margin - ((accuracy - minAccuracy) / (1 - minAccuracy) * (Height - (2 * Margin))));

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Margin}\" y1=\"{Height - Margin}\" x2=\"{Width - Margin}\" y2=\"{Height - Margin}\" stroke=\"#333\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Margin}\" y1=\"{Margin}\" x2=\"{Margin}\" y2=\"{Height - Margin}\" stroke=\"#333\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height - 20}\" text-anchor=\"middle\">USD per query (max {maxCost:0.#####})</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"15\" y=\"{Height / 2}\" transform=\"rotate(-90 15 {Height / 2})\" text-anchor=\"middle\">accuracy ({minAccuracy:P0}–100%)</text>");
        var hull = ReplayMetrics.Hull(report.Baselines);
        svg.Append("<polyline fill=\"none\" stroke=\"#999\" stroke-dasharray=\"4 3\" points=\"")
            .AppendJoin(' ', hull.Select(p => $"{X(p.CostUsdPerQuery)},{Y(p.Accuracy)}"))
            .Append("\"/>");
        foreach (var point in report.Baselines)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(point.CostUsdPerQuery)}\" cy=\"{Y(point.Accuracy)}\" r=\"4\" fill=\"#888\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(point.CostUsdPerQuery)}\" y=\"{Y(point.Accuracy)}\" dx=\"6\" dy=\"-4\" fill=\"#555\">{WebUtility.HtmlEncode(point.Name)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(report.Oracle.CostUsdPerQuery)}\" cy=\"{Y(report.Oracle.Accuracy)}\" r=\"6\" fill=\"#2a2\"/><text x=\"{X(report.Oracle.CostUsdPerQuery)}\" y=\"{Y(report.Oracle.Accuracy)}\" dx=\"8\" dy=\"4\" fill=\"#2a2\">oracle</text>");
        foreach (var point in report.RouterPoints)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(point.CostUsdPerQuery)}\" cy=\"{Y(point.Accuracy)}\" r=\"7\" fill=\"#d22\"/><text x=\"{X(point.CostUsdPerQuery)}\" y=\"{Y(point.Accuracy)}\" dx=\"9\" dy=\"4\" fill=\"#d22\">{WebUtility.HtmlEncode(point.Name)} ({WebUtility.HtmlEncode(report.Policy)})</text>");
        }
        svg.Append("</svg>");

        var rows = new StringBuilder();
        foreach (var point in all.OrderBy(p => p.CostUsdPerQuery))
        {
            rows.Append(CultureInfo.InvariantCulture, $"<tr><td>{WebUtility.HtmlEncode(point.Name)}</td><td>{point.Accuracy:P2}</td><td>{point.CostUsdPerQuery:0.000000}</td></tr>");
        }

        return $"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>Switchyard replay evaluation</title>
            <style>body{"{"}font-family:sans-serif;margin:2em{"}"} td,th{"{"}padding:2px 10px;text-align:right{"}"} td:first-child{"{"}text-align:left{"}"}</style></head>
            <body><h1>Replay evaluation: {WebUtility.HtmlEncode(report.Policy)}</h1>
            <p>{report.Queries} queries evaluated after {report.WarmupQueries} warmup queries. AIQ {report.Aiq.ToString("F4", CultureInfo.InvariantCulture)} (zero router {report.ZeroRouterAiq.ToString("F4", CultureInfo.InvariantCulture)}); escalation rate {report.EscalationRate.ToString("P1", CultureInfo.InvariantCulture)}.</p>
            {svg}
            <table><tr><th></th><th>accuracy</th><th>USD / query</th></tr>{rows}</table>
            </body></html>
            """;
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
