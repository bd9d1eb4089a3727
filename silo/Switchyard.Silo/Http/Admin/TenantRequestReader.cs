using System.Collections.Immutable;
using System.Text.Json;
using Switchyard.Budget;
using Switchyard.Tenants;

namespace Switchyard.Silo.Http.Admin;

/// <summary>
/// Reads the body of <c>PUT /admin/tenants/{id}</c>:
/// <c>{"api_keys": ["…"], "budget": {"monthly_usd", "daily_usd", "hard", "max_request_usd", "downgrade_below_usd"},
/// "rate_limits": {"rpm", "tpm"}, "alert_webhook": "…"}</c>. Every field is checked before anything is
/// built, so a bad body changes nothing; the first problem is reported with its JSON path.
/// </summary>
public static class TenantRequestReader
{
    /// <summary>The shortest API key accepted.</summary>
    public const int MinimumKeyLength = 16;

    private static readonly string[] TopFields = ["api_keys", "budget", "rate_limits", "alert_webhook"];
    private static readonly string[] BudgetFields = ["monthly_usd", "daily_usd", "hard", "max_request_usd", "downgrade_below_usd"];
    private static readonly string[] RateFields = ["rpm", "tpm"];

    /// <summary>Parses <paramref name="body"/> into a tenant and its plain keys (for the caller to check and hash).</summary>
    /// <exception cref="RequestValidationException">The body is malformed or a value is invalid.</exception>
    public static (TenantRecord Tenant, ImmutableArray<string> ApiKeys) Read(ReadOnlySpan<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException exception)
        {
            throw new RequestValidationException($"The body is not valid JSON: {exception.Message}", null);
        }

        using (document)
        {
            var root = document.RootElement;
            RequireObject(root, "body", TopFields);

            var keys = ReadKeys(root.TryGetProperty("api_keys", out var k) ? k : throw Invalid("'api_keys' is required: a list of at least one API key.", "api_keys"));
            var limits = ReadBudget(root.TryGetProperty("budget", out var b) ? b : throw Invalid("'budget' is required, with at least 'monthly_usd'.", "budget"));

            int? rpm = null, tpm = null;
            if (root.TryGetProperty("rate_limits", out var rates) && rates.ValueKind != JsonValueKind.Null)
            {
                RequireObject(rates, "rate_limits", RateFields);
                rpm = OptionalCount(rates, "rpm");
                tpm = OptionalCount(rates, "tpm");
            }

            string? webhook = null;
            if (root.TryGetProperty("alert_webhook", out var hook) && hook.ValueKind != JsonValueKind.Null)
            {
                if (hook.ValueKind != JsonValueKind.String
                    || !Uri.TryCreate(hook.GetString(), UriKind.Absolute, out var uri)
                    || uri.Scheme is not ("http" or "https"))
                {
                    throw Invalid("'alert_webhook' must be an absolute http or https URL, or null.", "alert_webhook");
                }

                webhook = uri.ToString();
            }

            var hashes = keys.Select(TenantKeyRing.HashForConfiguration).ToImmutableArray();
            return (new TenantRecord(hashes, limits, rpm, tpm, webhook), keys);
        }
    }

    private static ImmutableArray<string> ReadKeys(JsonElement keys)
    {
        if (keys.ValueKind != JsonValueKind.Array || keys.GetArrayLength() == 0)
        {
            throw Invalid("'api_keys' must be a non-empty list of strings.", "api_keys");
        }

        var result = ImmutableArray.CreateBuilder<string>();
        var i = 0;
        foreach (var key in keys.EnumerateArray())
        {
            if (key.ValueKind != JsonValueKind.String || key.GetString()!.Length < MinimumKeyLength || key.GetString()!.Any(char.IsWhiteSpace))
            {
                throw Invalid($"'api_keys[{i}]' must be a string of at least {MinimumKeyLength} characters without spaces.", $"api_keys[{i}]");
            }

            result.Add(key.GetString()!);
            i++;
        }

        if (result.Distinct(StringComparer.Ordinal).Count() != result.Count)
        {
            throw Invalid("'api_keys' lists the same key twice.", "api_keys");
        }

        return result.ToImmutable();
    }

    private static BudgetLimits ReadBudget(JsonElement budget)
    {
        RequireObject(budget, "budget", BudgetFields);
        if (!budget.TryGetProperty("monthly_usd", out var monthly) || monthly.ValueKind == JsonValueKind.Null)
        {
            throw Invalid("'budget.monthly_usd' is required.", "budget.monthly_usd");
        }

        var hard = true;
        if (budget.TryGetProperty("hard", out var hardValue) && hardValue.ValueKind != JsonValueKind.Null)
        {
            hard = hardValue.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Invalid("'budget.hard' must be true or false.", "budget.hard"),
            };
        }

        var max = OptionalAmount(budget, "max_request_usd");
        if (max == 0m)
        {
            throw Invalid("'budget.max_request_usd' must be greater than 0 (or null for no maximum).", "budget.max_request_usd");
        }

        return new BudgetLimits(
            Amount(monthly, "budget.monthly_usd"),
            OptionalAmount(budget, "daily_usd"),
            hard,
            max,
            OptionalAmount(budget, "downgrade_below_usd"));
    }

    private static decimal? OptionalAmount(JsonElement budget, string name) =>
        budget.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? Amount(value, $"budget.{name}") : null;

    private static decimal Amount(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var amount) || amount < 0m || amount > 1_000_000_000m)
        {
            throw Invalid($"'{path}' must be a number of USD between 0 and 1000000000.", path);
        }

        return amount;
    }

    private static int? OptionalCount(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var count) || count < 1)
        {
            throw Invalid($"'rate_limits.{name}' must be a whole number of at least 1, or null for no limit.", $"rate_limits.{name}");
        }

        return count;
    }

    private static void RequireObject(JsonElement element, string path, string[] fields)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid($"'{path}' must be a JSON object.", path == "body" ? null : path);
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!fields.Contains(property.Name, StringComparer.Ordinal))
            {
                var name = path == "body" ? property.Name : $"{path}.{property.Name}";
                throw Invalid($"Unknown field '{name}'. Allowed: {string.Join(", ", fields)}.", name);
            }
        }
    }

    private static RequestValidationException Invalid(string message, string? param) => new(message, param);
}
