using System.Diagnostics;
using Npgsql;

namespace Switchyard.Tests.Infrastructure;

/// <summary>
/// A real, throwaway PostgreSQL server: a fresh cluster (initdb) in a temporary directory, listening on
/// 127.0.0.1 and a free port only, stopped and deleted afterwards. <c>./test.sh</c> installs PostgreSQL
/// from Debian's packages. PostgreSQL refuses to run as root, so under root it runs as <c>postgres</c>.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _directory;
    private readonly string _binaries;
    private Process? _process;

    private PostgresServer(string binaries)
    {
        _binaries = binaries;
        _directory = Path.Combine(Path.GetTempPath(), "switchyard-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Port = FreePort.Next();
    }

    public int Port { get; }

    /// <summary>A connection string to <paramref name="database"/> with short timeouts, so an outage shows quickly.</summary>
    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=3;Command Timeout=10;Pooling=true";

    public static async Task<PostgresServer> StartNewAsync()
    {
        var binaries = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Order().LastOrDefault()
            : null;
        if (binaries is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run ./test.sh, which installs it.");
        }

        var server = new PostgresServer(binaries);
        await server.StartAsync();
        return server;
    }

    /// <summary>Creates a database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>
    /// Takes <paramref name="database"/> away from its clients: new connections are refused and open ones
    /// are closed, as when a database fails over. <see cref="RestoreAsync"/> brings it back.
    /// </summary>
    public async Task CutOffAsync(string database)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var refuse = new NpgsqlCommand($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS false", connection);
        await refuse.ExecuteNonQueryAsync();
        await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", connection);
        terminate.Parameters.Add(new NpgsqlParameter { Value = database });
        await terminate.ExecuteNonQueryAsync();
    }

    public async Task RestoreAsync(string database)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var allow = new NpgsqlCommand($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS true", connection);
        await allow.ExecuteNonQueryAsync();
    }

    private async Task StartAsync()
    {
        Directory.CreateDirectory(_directory);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", _directory]);
        }

        var data = Path.Combine(_directory, "data");
        await RunAsync(Path.Combine(_binaries, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-sync"], asRoot);
        _process = Start(
            Path.Combine(_binaries, "postgres"),
            ["-D", data, "-p", Port.ToString(), "-c", "listen_addresses=127.0.0.1", "-k", _directory, "-c", "fsync=off", "-c", "max_connections=200"],
            asRoot);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString());
                await connection.OpenAsync();
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static Process Start(string file, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = asPostgres ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. arguments]) : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgres = false)
    {
        var start = asPostgres ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. arguments]) : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        NpgsqlConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
