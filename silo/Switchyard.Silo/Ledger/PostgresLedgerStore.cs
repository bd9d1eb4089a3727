using Npgsql;
using NpgsqlTypes;
using Switchyard.Ledger;

namespace Switchyard.Silo.Ledger;

/// <summary>
/// The ledger as the <c>api_calls</c> table in PostgreSQL (<c>Switchyard:Ledger:PostgreSQL</c>). The table
/// and its indexes are created on first use. A batch is one <c>INSERT … SELECT FROM unnest(…)</c>
/// statement; <c>ON CONFLICT (id) DO NOTHING</c> makes writing it again after a lost acknowledgement harmless.
/// </summary>
public sealed class PostgresLedgerStore(NpgsqlDataSource dataSource) : ILedgerStore, IAsyncDisposable
{
    /// <summary>The table's definition, applied with <c>IF NOT EXISTS</c>.</summary>
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS api_calls (
            id uuid PRIMARY KEY,
            at timestamptz NOT NULL,
            tenant_id text NOT NULL,
            task_type text NOT NULL,
            request_id text NOT NULL,
            model text NOT NULL,
            tier text NOT NULL,
            prompt_tokens integer NOT NULL,
            cached_tokens integer NOT NULL,
            completion_tokens integer NOT NULL,
            cost_usd numeric NOT NULL,
            latency_ms double precision NOT NULL,
            cache text NOT NULL,
            escalations integer NOT NULL,
            status text NOT NULL);
        CREATE INDEX IF NOT EXISTS api_calls_at ON api_calls (at);
        CREATE INDEX IF NOT EXISTS api_calls_tenant_at ON api_calls (tenant_id, at);
        CREATE INDEX IF NOT EXISTS api_calls_request ON api_calls (request_id);
        """;

    private const string Insert = """
        INSERT INTO api_calls (id, at, tenant_id, task_type, request_id, model, tier, prompt_tokens, cached_tokens,
                               completion_tokens, cost_usd, latency_ms, cache, escalations, status)
        SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
        ON CONFLICT (id) DO NOTHING
        """;

    // The status names are ApiCall's: an audit row is 'audit' or 'audit-failed'.
    private const string Report = """
        SELECT model,
               count(*) FILTER (WHERE status NOT IN ('cached', 'audit', 'audit-failed')),
               count(*) FILTER (WHERE status = 'cached'),
               coalesce(sum(prompt_tokens) FILTER (WHERE status NOT IN ('audit', 'audit-failed')), 0)::bigint,
               coalesce(sum(cached_tokens) FILTER (WHERE status NOT IN ('audit', 'audit-failed')), 0)::bigint,
               coalesce(sum(completion_tokens) FILTER (WHERE status NOT IN ('audit', 'audit-failed')), 0)::bigint,
               coalesce(sum(cost_usd) FILTER (WHERE status NOT IN ('audit', 'audit-failed')), 0),
               count(*) FILTER (WHERE status IN ('audit', 'audit-failed')),
               coalesce(sum(cost_usd) FILTER (WHERE status IN ('audit', 'audit-failed')), 0)
        FROM api_calls
        WHERE at >= $1 AND at < $2 AND ($3::text IS NULL OR tenant_id = $3)
        GROUP BY model
        """;

    private volatile bool _schemaReady;

    /// <summary>Creates the store from an Npgsql connection string.</summary>
    public PostgresLedgerStore(string connectionString)
        : this(NpgsqlDataSource.Create(connectionString))
    {
    }

    /// <inheritdoc />
    public async Task WriteAsync(IReadOnlyList<ApiCall> batch, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        await using var command = dataSource.CreateCommand(Insert);
        command.Parameters.Add(Array(batch, c => c.Id, NpgsqlDbType.Uuid));
        command.Parameters.Add(Array(batch, c => c.At.UtcDateTime, NpgsqlDbType.TimestampTz));
        command.Parameters.Add(Array(batch, c => c.TenantId, NpgsqlDbType.Text));
        command.Parameters.Add(Array(batch, c => c.TaskType, NpgsqlDbType.Text));
        command.Parameters.Add(Array(batch, c => c.RequestId, NpgsqlDbType.Text));
        command.Parameters.Add(Array(batch, c => c.Model, NpgsqlDbType.Text));
        command.Parameters.Add(Array(batch, c => WireNames.Tier(c.Tier), NpgsqlDbType.Text));
        command.Parameters.Add(Array(batch, c => c.PromptTokens, NpgsqlDbType.Integer));
        command.Parameters.Add(Array(batch, c => c.CachedTokens, NpgsqlDbType.Integer));
        command.Parameters.Add(Array(batch, c => c.CompletionTokens, NpgsqlDbType.Integer));
        command.Parameters.Add(Array(batch, c => c.CostUsd, NpgsqlDbType.Numeric));
        command.Parameters.Add(Array(batch, c => c.LatencyMs, NpgsqlDbType.Double));
        command.Parameters.Add(Array(batch, c => c.Cache, NpgsqlDbType.Text));
        command.Parameters.Add(Array(batch, c => c.Escalations, NpgsqlDbType.Integer));
        command.Parameters.Add(Array(batch, c => c.Status, NpgsqlDbType.Text));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<DailyReport> DailyAsync(DateOnly date, string? tenantId, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        var from = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await using var command = dataSource.CreateCommand(Report);
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = from, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = from.AddDays(1), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)tenantId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        var rows = new List<DailyReportRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new DailyReportRow(
                reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetDecimal(6),
                reader.GetInt64(7), reader.GetDecimal(8)));
        }

        return new DailyReport(date, DailyReport.Order(rows));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private static NpgsqlParameter<T[]> Array<T>(IReadOnlyList<ApiCall> batch, Func<ApiCall, T> value, NpgsqlDbType type) =>
        new() { TypedValue = [.. batch.Select(value)], NpgsqlDbType = NpgsqlDbType.Array | type };

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(Schema);
        await command.ExecuteNonQueryAsync(cancellationToken);
        _schemaReady = true;
    }
}
