using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Switchyard.Cli.Commands;

/// <summary><c>switchyard budget show &lt;tenant&gt;</c>: a tenant's budget from the admin API.</summary>
internal static class BudgetCommand
{
    /// <summary>Defines <c>budget</c> with its <c>show</c> subcommand.</summary>
    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var api = new AdminApi();
        var id = new Argument<string>("tenant") { Description = "The tenant id." };
        var show = new Command("show", "Show a tenant's spend, holds, cap, forecast and alerts for this month.") { id, api.Url, api.AdminKey };
        show.SetAction(async (parse, cancellationToken) =>
        {
            var tenant = Uri.EscapeDataString(parse.GetRequiredValue(id));
            return await api.RunAsync(parse, c => c.GetAsync($"/admin/tenants/{tenant}/budget", cancellationToken), async response =>
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (parse.GetValue(global.Output) == Output.OutputFormat.Json)
                {
                    await environment.Out.WriteLineAsync(body);
                    return ExitCodes.Success;
                }

                using var document = JsonDocument.Parse(body);
                var budget = document.RootElement;
                string Usd(string name) => budget.GetProperty(name).GetDecimal().ToString("0.######", CultureInfo.InvariantCulture);
                var alerts = string.Join(", ", budget.GetProperty("alerts").EnumerateArray().Select(a => a.GetString()));
                await environment.Out.WriteLineAsync($"tenant:    {budget.GetProperty("tenant").GetString()}");
                await environment.Out.WriteLineAsync($"period:    {budget.GetProperty("period").GetString()}");
                await environment.Out.WriteLineAsync($"spent:     ${Usd("spent_usd")} of ${Usd("cap_usd")}");
                await environment.Out.WriteLineAsync($"reserved:  ${Usd("reserved_usd")}");
                await environment.Out.WriteLineAsync($"forecast:  ${Usd("forecast_usd")}");
                await environment.Out.WriteLineAsync($"alerts:    {(alerts.Length == 0 ? "none" : alerts)}");
                return ExitCodes.Success;
            }, environment, cancellationToken);
        });

        return new Command("budget", "Tenant budgets, through the admin API.") { show };
    }
}
