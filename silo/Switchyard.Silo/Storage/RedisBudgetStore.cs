using System.Text.Json;
using StackExchange.Redis;
using Switchyard.Budget;

namespace Switchyard.Silo.Storage;

/// <summary>
/// Budget journals in Redis, for a cluster, where a tenant's budget grain may be activated on any
/// silo. Per tenant a snapshot (a string) and a journal (a list): a group commit is one <c>RPUSH</c> of
/// its entries, which Redis applies atomically, and a snapshot is one <c>MULTI</c> that sets it and
/// empties the journal, so a reader sees the old snapshot with its entries or the new one alone.
/// Writes are durable when Redis acknowledges them if it runs with <c>appendfsync always</c>.
/// </summary>
public sealed class RedisBudgetStore(IConnectionMultiplexer redis, string keyPrefix) : IBudgetStore
{
    /// <inheritdoc />
    public async Task<IBudgetJournal> OpenAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var database = redis.GetDatabase();
        var key = $"{keyPrefix}/budget/{tenantId}";
        var (snapshotKey, journalKey) = ((RedisKey)$"{key}/snapshot", (RedisKey)$"{key}/journal");
        var snapshot = await database.StringGetAsync(snapshotKey);
        var lines = await database.ListRangeAsync(journalKey);

        var state = snapshot.HasValue
            ? JsonSerializer.Deserialize((byte[])snapshot!, BudgetStoreJsonContext.Default.BudgetSnapshotFile)!.State
            : null;
        var entries = new List<BudgetEntry>(lines.Length);
        foreach (var line in lines)
        {
            entries.Add(BudgetEntryLine.TryParse(line.ToString(), out var entry)
                ? entry
                : throw new InvalidDataException($"The budget journal of tenant '{tenantId}' in Redis holds a malformed entry."));
        }

        return new RedisBudgetJournal(database, snapshotKey, journalKey, state, entries);
    }

    private sealed class RedisBudgetJournal(IDatabase database, RedisKey snapshotKey, RedisKey journalKey, BudgetState? snapshot, List<BudgetEntry> entries)
        : IBudgetJournal
    {
        public BudgetState? Snapshot { get; } = snapshot;

        public IReadOnlyList<BudgetEntry> Entries { get; } = entries;

        public int Length { get; private set; } = entries.Count;

        public async Task AppendAsync(IReadOnlyList<BudgetEntry> appended)
        {
            var values = new RedisValue[appended.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = BudgetEntryLine.Format(appended[i]);
            }

            Length += values.Length;
            await database.ListRightPushAsync(journalKey, values);
        }

        public async Task WriteSnapshotAsync(BudgetState state)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(new BudgetSnapshotFile(0, state), BudgetStoreJsonContext.Default.BudgetSnapshotFile);
            Length = 0;
            var transaction = database.CreateTransaction();
            _ = transaction.StringSetAsync(snapshotKey, bytes);
            _ = transaction.KeyDeleteAsync(journalKey);
            if (!await transaction.ExecuteAsync())
            {
                throw new RedisException("The budget snapshot transaction was not applied.");
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
