using Npgsql;
using Switchyard.Ledger;
using Switchyard.Routing;
using Switchyard.Silo.Ledger;
using Switchyard.Tests.Infrastructure;

namespace Switchyard.Tests.Ledger;

/// <summary>One real PostgreSQL server for the ledger tests; each test uses a database of its own.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public PostgresServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await PostgresServer.StartNewAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresLedgerTests(PostgresFixture fixture) : IAsyncLifetime
{
    private readonly string _dataDirectory = TestSettings.NewDataDirectory();
    private readonly string _database = "ledger_" + Guid.NewGuid().ToString("N")[..12];
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await fixture.Server.CreateDatabaseAsync(_database);

    [Fact]
    public async Task EveryProviderCall_IsARowInApiCalls_AndTheReportTotalsTheBudgetsSpend()
    {
        await using var host = await StartSiloAsync();
        var (tenant, key) = await LedgerScenario.CreateTenantAsync(host);
        var charged = await LedgerScenario.SendAsync(host, key, requests: 40);

        var report = await LedgerScenario.ReportAsync(host, tenant);
        var spent = await LedgerScenario.SpentAsync(host, tenant);

        Assert.Equal(charged, spent);
        Assert.Equal(spent, report.GetProperty("total_usd").GetDecimal());
        var calls = report.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("calls").GetInt64());
        var (rows, requests, cost) = await CountAsync(tenant);
        Assert.Equal(calls, rows);
        Assert.Equal(40, requests);
        Assert.Equal(spent, cost);
    }

    [Fact]
    public async Task DailyReport_KeepsAuditsAnsweredOrFailedApartFromTheTenantsCallsAndSpend()
    {
        await using var store = new PostgresLedgerStore(_connectionString);
        var at = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        ApiCall Row(string model, ModelTier tier, decimal cost, string status) => new(
            Guid.NewGuid(), at, "acme", "qa", Guid.NewGuid().ToString("N"), model, tier, 100, 10, 20, cost, 5, "miss", 0, status);

        ApiCall[] rows =
        [
            Row("sim-cheap", ModelTier.Cheap, 0.001m, ApiCall.Ok),
            Row("sim-cheap", ModelTier.Cheap, 0m, ApiCall.Cached),
            Row("sim-frontier", ModelTier.Frontier, 0.02m, ApiCall.Audit),
            Row("sim-frontier", ModelTier.Frontier, 0.03m, ApiCall.Audit),
            Row("sim-frontier", ModelTier.Frontier, 0m, ApiCall.AuditFailed) with { PromptTokens = 0, CachedTokens = 0, CompletionTokens = 0 },
        ];
        await store.WriteAsync(rows, CancellationToken.None);

        var report = await store.DailyAsync(DateOnly.FromDateTime(at.UtcDateTime), "acme", CancellationToken.None);

        Assert.Equal(0.001m, report.TotalUsd);
        Assert.Equal(0.05m, report.AuditUsd);
        Assert.Equal(new DailyReportRow("sim-cheap", 1, 1, 200, 20, 40, 0.001m, 0, 0m), report.Rows.Single(r => r.Model == "sim-cheap"));
        Assert.Equal(new DailyReportRow("sim-frontier", 0, 0, 0, 0, 0, 0m, 3, 0.05m), report.Rows.Single(r => r.Model == "sim-frontier"));
        Assert.Equal(report.Rows, DailyReport.Aggregate(report.Date, rows).Rows);
    }

    [Fact]
    public async Task WhileTheDatabaseIsAway_RequestsAreServed_AndTheirRowsArriveWhenItIsBack()
    {
        await using var host = await StartSiloAsync();
        var (tenant, key) = await LedgerScenario.CreateTenantAsync(host);
        var before = await LedgerScenario.SendAsync(host, key, requests: 10);
        await LedgerScenario.ReportAsync(host, tenant);

        await fixture.Server.CutOffAsync(_database);
        var during = await LedgerScenario.SendAsync(host, key, requests: 30);
        // Long enough for the writer to try, fail and keep its batch at least once.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await fixture.Server.RestoreAsync(_database);

        var report = await LedgerScenario.ReportAsync(host, tenant);
        var (_, requests, cost) = await CountAsync(tenant);
        Assert.Equal(40, requests);
        Assert.Equal(before + during, cost);
        Assert.Equal(before + during, report.GetProperty("total_usd").GetDecimal());
        Assert.Equal(before + during, await LedgerScenario.SpentAsync(host, tenant));
    }

    [Fact]
    public async Task StoppingTheSilo_WritesTheRowsStillQueued()
    {
        string tenant;
        decimal charged;
        await using (var host = await StartSiloAsync(("Switchyard:Ledger:FlushInterval", "01:00:00")))
        {
            (tenant, var key) = await LedgerScenario.CreateTenantAsync(host);
            charged = await LedgerScenario.SendAsync(host, key, requests: 20);
            Assert.Equal((0L, 0L, 0m), await CountAsync(tenant));
        }

        var (_, requests, cost) = await CountAsync(tenant);
        Assert.Equal(20, requests);
        Assert.Equal(charged, cost);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_dataDirectory, recursive: true);
        return Task.CompletedTask;
    }

    private Task<SiloHost> StartSiloAsync(params (string Key, string Value)[] settings)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Switchyard:Ledger:PostgreSQL"] = _connectionString,
            ["Switchyard:Ledger:FlushInterval"] = "00:00:00.2",
            ["Switchyard:Ledger:MaxRetryDelay"] = "00:00:00.5",
        };
        foreach (var (key, value) in settings)
        {
            overrides[key] = value;
        }

        return SiloHost.StartAsync(_dataDirectory, overrides);
    }

    /// <summary>Rows, distinct requests and total cost of a tenant in <c>api_calls</c>, read straight from the database.</summary>
    private async Task<(long Rows, long Requests, decimal Cost)> CountAsync(string tenant)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT to_regclass('api_calls') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync())!)
        {
            return (0, 0, 0m);
        }

        await using var count = new NpgsqlCommand(
            "SELECT count(*), count(DISTINCT request_id), coalesce(sum(cost_usd), 0) FROM api_calls WHERE tenant_id = $1", connection);
        count.Parameters.Add(new NpgsqlParameter { Value = tenant });
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetDecimal(2));
    }
}
