using System.CommandLine;
using System.Net.Http.Headers;

namespace Switchyard.Cli.Commands;

/// <summary>
/// The options and HTTP plumbing shared by the commands that call the silo's admin API:
/// <c>--url</c> (else <c>SWITCHYARD_URL</c>, else http://localhost:8080) and <c>--admin-key</c>
/// (else <c>SWITCHYARD_ADMIN_KEY</c>).
/// </summary>
internal sealed class AdminApi
{
    /// <summary>The silo's HTTP address.</summary>
    public Option<string?> Url { get; } = new("--url") { Description = "The silo's HTTP address. Default: $SWITCHYARD_URL, else http://localhost:8080." };

    /// <summary>The admin key.</summary>
    public Option<string?> AdminKey { get; } = new("--admin-key") { Description = "The admin API key. Default: $SWITCHYARD_ADMIN_KEY." };

    /// <summary>An HTTP client for the parsed address and key, or an error message.</summary>
    public (HttpClient? Client, string? Error) Connect(ParseResult parse)
    {
        var address = parse.GetValue(Url);
        if (string.IsNullOrWhiteSpace(address))
        {
            address = Environment.GetEnvironmentVariable("SWITCHYARD_URL");
        }

        if (string.IsNullOrWhiteSpace(address))
        {
            address = "http://localhost:8080";
        }

        if (!Uri.TryCreate(address, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return (null, $"error: '{address}' is not an http or https address.");
        }

        var key = parse.GetValue(AdminKey) ?? Environment.GetEnvironmentVariable("SWITCHYARD_ADMIN_KEY");
        if (string.IsNullOrWhiteSpace(key))
        {
            return (null, "error: the admin key is missing: pass --admin-key or set SWITCHYARD_ADMIN_KEY.");
        }

        var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return (client, null);
    }

    /// <summary>
    /// Connects with the command's <c>--url</c> and <c>--admin-key</c>, sends one request, and hands a
    /// successful response to <paramref name="handle"/>; a missing key, an unreachable silo or an error
    /// response is printed, and the exit code says so.
    /// </summary>
    public async Task<int> RunAsync(
        ParseResult parse, Func<HttpClient, Task<HttpResponseMessage>> send, Func<HttpResponseMessage, Task<int>> handle,
        CliEnvironment environment, CancellationToken cancellationToken)
    {
        var (client, error) = Connect(parse);
        if (client is null)
        {
            await environment.Error.WriteLineAsync(error);
            return ExitCodes.Failure;
        }

        using (client)
        {
            using var response = await TrySendAsync(client, send, environment);
            return response is null ? ExitCodes.Failure
                : !response.IsSuccessStatusCode ? await ReportAsync(response, environment, cancellationToken)
                : await handle(response);
        }
    }

    /// <summary>Sends a request, turning an unreachable silo into an error message instead of an exception.</summary>
    private static async Task<HttpResponseMessage?> TrySendAsync(HttpClient client, Func<HttpClient, Task<HttpResponseMessage>> send, CliEnvironment environment)
    {
        try
        {
            return await send(client);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            await environment.Error.WriteLineAsync($"error: cannot reach the silo at {client.BaseAddress}: {exception.Message}");
            return null;
        }
    }

    /// <summary>Prints the error of a failed response (the OpenAI error shape's message) and returns the exit code.</summary>
    private static async Task<int> ReportAsync(HttpResponseMessage response, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        string message;
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(body);
            message = document.RootElement.GetProperty("error").GetProperty("message").GetString() ?? body;
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            message = body;
        }

        await environment.Error.WriteLineAsync($"error: {(int)response.StatusCode} {message}");
        return ExitCodes.Failure;
    }
}
