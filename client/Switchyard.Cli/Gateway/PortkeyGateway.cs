using System.Diagnostics;
using System.Globalization;

namespace Switchyard.Cli.Gateway;

/// <summary>
/// The Portkey AI gateway (<c>@portkey-ai/gateway</c> from npm), installed once into a cache
/// directory and run with node on 127.0.0.1, in front of the same upstream as Switchyard.
/// </summary>
internal static class PortkeyGateway
{
    /// <summary>The version installed, so runs on different days compare the same gateway.</summary>
    public const string Version = "1.15.2";

    // The gateway's server listens on every interface; this preload keeps it on the loopback address.
    private const string LoopbackPreload = """
        import net from 'node:net';
        const listen = net.Server.prototype.listen;
        net.Server.prototype.listen = function (...args) {
          if (typeof args[0] === 'number') {
            const rest = args.slice(1).filter((a) => a !== undefined);
            if (typeof rest[0] !== 'string') rest.unshift('127.0.0.1');
            return listen.call(this, args[0], ...rest);
          }
          if (args[0] && typeof args[0] === 'object' && !args[0].host && !args[0].path) args[0] = { ...args[0], host: '127.0.0.1' };
          return listen.apply(this, args);
        };
        """;

    /// <summary>The default cache directory: <c>$XDG_CACHE_HOME/switchyard/portkey</c>, else <c>~/.cache/switchyard/portkey</c>.</summary>
    public static string DefaultDirectory =>
        Path.Combine(
            Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } cache ? cache : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
            "switchyard", "portkey");

    /// <summary>Installs the gateway into <paramref name="directory"/> unless it is there already.</summary>
    public static async Task InstallAsync(string directory, CancellationToken cancellationToken)
    {
        if (File.Exists(ServerScript(directory)))
        {
            return;
        }

        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "package.json"), "{ \"private\": true }\n", cancellationToken);
        var start = new ProcessStartInfo("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", $"@portkey-ai/gateway@{Version}"])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var npm = Process.Start(start) ?? throw new InvalidOperationException("Could not start npm; is Node.js installed?");
        var output = npm.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = npm.StandardError.ReadToEndAsync(cancellationToken);
        await npm.WaitForExitAsync(cancellationToken);
        if (npm.ExitCode != 0 || !File.Exists(ServerScript(directory)))
        {
            throw new InvalidOperationException($"npm install @portkey-ai/gateway@{Version} failed in {directory}:{Environment.NewLine}{await output}{await errors}");
        }
    }

    /// <summary>Starts the installed gateway on a free loopback port.</summary>
    public static async Task<GatewayProcess> StartAsync(string directory, CancellationToken cancellationToken)
    {
        var preload = Path.Combine(directory, "loopback.mjs");
        await File.WriteAllTextAsync(preload, LoopbackPreload, cancellationToken);
        var port = GatewayProcess.FreePort();
        var environment = new Dictionary<string, string> { ["NODE_ENV"] = "production" };
        return await GatewayProcess.StartAsync(
            "node",
            ["--import", new Uri(preload).AbsoluteUri, ServerScript(directory), $"--port={port.ToString(CultureInfo.InvariantCulture)}", "--headless"],
            environment,
            new Uri($"http://127.0.0.1:{port}"),
            "/",
            cancellationToken);
    }

    private static string ServerScript(string directory) =>
        Path.Combine(directory, "node_modules", "@portkey-ai", "gateway", "build", "start-server.js");
}
