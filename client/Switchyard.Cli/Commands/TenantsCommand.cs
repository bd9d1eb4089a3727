using System.CommandLine;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Switchyard.Cli.Commands;

/// <summary><c>switchyard tenants set &lt;id&gt;</c>: creates or replaces a tenant through the admin API.</summary>
internal static class TenantsCommand
{
    /// <summary>Defines <c>tenants</c> with its <c>set</c> subcommand.</summary>
    public static Command Create(GlobalOptions global, CliEnvironment environment)
    {
        var api = new AdminApi();
        var id = new Argument<string>("tenant") { Description = "The tenant id." };
        var keys = new Option<string[]>("--key") { Description = "An API key of the tenant (repeat for several).", Required = true };
        var monthly = new Option<decimal>("--monthly-usd") { Description = "The monthly cap in USD.", Required = true };
        var daily = new Option<decimal?>("--daily-usd") { Description = "The daily cap in USD." };
        var soft = new Option<bool>("--soft") { Description = "Make the caps soft: calls go ahead past them and are flagged." };
        var maxRequest = new Option<decimal?>("--max-request-usd") { Description = "The most one request may cost, in USD." };
        var downgrade = new Option<decimal?>("--downgrade-below-usd") { Description = "Below this remaining budget, no frontier tier." };
        var rpm = new Option<int?>("--rpm") { Description = "Requests per minute." };
        var tpm = new Option<int?>("--tpm") { Description = "Tokens per minute." };
        var webhook = new Option<string?>("--alert-webhook") { Description = "Where budget alerts are posted." };

        var set = new Command("set", "Create or replace a tenant (keys are stored hashed and never shown again).")
        {
            id, keys, monthly, daily, soft, maxRequest, downgrade, rpm, tpm, webhook, api.Url, api.AdminKey,
        };
        set.SetAction(async (parse, cancellationToken) =>
        {
            var body = Body(parse.GetRequiredValue(keys), parse.GetValue(monthly), parse.GetValue(daily), !parse.GetValue(soft),
                parse.GetValue(maxRequest), parse.GetValue(downgrade), parse.GetValue(rpm), parse.GetValue(tpm), parse.GetValue(webhook));
            using var content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            var tenant = parse.GetRequiredValue(id);
            return await api.RunAsync(parse, c => c.PutAsync($"/admin/tenants/{Uri.EscapeDataString(tenant)}", content, cancellationToken), async response =>
            {
                await environment.Out.WriteLineAsync(parse.GetValue(global.Output) == Output.OutputFormat.Json
                    ? await response.Content.ReadAsStringAsync(cancellationToken)
                    : $"Tenant '{tenant}' {(response.StatusCode == System.Net.HttpStatusCode.Created ? "created" : "updated")}.");
                return ExitCodes.Success;
            }, environment, cancellationToken);
        });

        return new Command("tenants", "Manage tenants through the admin API.") { set };
    }

    private static string Body(string[] keys, decimal monthly, decimal? daily, bool hard, decimal? maxRequest, decimal? downgrade, int? rpm, int? tpm, string? webhook)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("api_keys");
            foreach (var key in keys)
            {
                json.WriteStringValue(key);
            }

            json.WriteEndArray();
            json.WriteStartObject("budget");
            json.WriteNumber("monthly_usd", monthly);
            WriteOptional(json, "daily_usd", daily);
            json.WriteBoolean("hard", hard);
            WriteOptional(json, "max_request_usd", maxRequest);
            WriteOptional(json, "downgrade_below_usd", downgrade);
            json.WriteEndObject();
            json.WriteStartObject("rate_limits");
            WriteOptional(json, "rpm", rpm);
            WriteOptional(json, "tpm", tpm);
            json.WriteEndObject();
            if (webhook is not null)
            {
                json.WriteString("alert_webhook", webhook);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
    }
}
