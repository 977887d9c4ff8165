using TripleGain.Journal.Sql;

namespace TripleGain.Journal;

public sealed partial class SqlDecisionJournal
{
    private const string CycleColumns = "cycle_id, account_id, started_at, finished_at, status, error";

    public Task<bool> BeginCycleAsync(string cycleId, string accountId, DateTime startedAt, CancellationToken cancellationToken = default)
    {
        JournalInput.Text(cycleId, nameof(cycleId));
        JournalInput.Text(accountId, nameof(accountId));
        JournalInput.Utc(startedAt, nameof(startedAt));
        return WriteAsync(async (connection, transaction) =>
        {
            var parameters = Parameters()
                .Text("cycle_id", cycleId)
                .Text("account_id", accountId)
                .Timestamp("started_at", startedAt)
                .Enum("status", CycleStatus.Running);
            var inserted = await ScalarAsync<string>(connection, """
                    INSERT INTO cycles (cycle_id, account_id, started_at, status)
                    VALUES (@cycle_id, @account_id, @started_at, @status)
                    ON CONFLICT (cycle_id) DO NOTHING
                    RETURNING cycle_id;
                    """, parameters, transaction, cancellationToken).ConfigureAwait(false);
            if (inserted is not null)
            {
                return true;
            }

            var existing = await ReadCycleAsync(connection, cycleId, transaction, cancellationToken).ConfigureAwait(false);
            if (existing is not null && existing.AccountId != accountId)
            {
                throw new JournalConflictException(
                    $"Cycle '{cycleId}' is journaled for account '{existing.AccountId}', not '{accountId}'.");
            }

            return false;
        }, cancellationToken);
    }

    public Task FinishCycleAsync(string cycleId, CycleStatus status, string? error, DateTime finishedAt, CancellationToken cancellationToken = default)
    {
        JournalInput.Text(cycleId, nameof(cycleId));
        if (status is not (CycleStatus.Succeeded or CycleStatus.Failed))
        {
            throw new ArgumentException($"A cycle finishes as Succeeded or Failed (got {status}).", nameof(status));
        }

        JournalInput.Utc(finishedAt, nameof(finishedAt));
        return WriteAsync(async (connection, transaction) =>
        {
            var parameters = Parameters()
                .Text("cycle_id", cycleId)
                .Enum("status", status)
                .Text("error", error)
                .Timestamp("finished_at", finishedAt)
                .Enum("running", CycleStatus.Running);
            var updated = await ExecuteAsync(connection, """
                    UPDATE cycles SET status = @status, error = @error, finished_at = @finished_at
                    WHERE cycle_id = @cycle_id AND status = @running;
                    """, parameters, transaction, cancellationToken).ConfigureAwait(false);
            if (updated == 1)
            {
                return true;
            }

            var existing = await ReadCycleAsync(connection, cycleId, transaction, cancellationToken).ConfigureAwait(false)
                ?? throw new KeyNotFoundException($"Cycle '{cycleId}' is not in the journal: begin it before finishing it.");
            return existing.Status == status
                ? true
                : throw new JournalConflictException(
                    $"Cycle '{cycleId}' already finished as {existing.Status} at {existing.FinishedAt:O}; it cannot finish again as {status}.");
        }, cancellationToken);
    }

    public Task<CycleRecord?> GetCycleAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        JournalInput.Text(cycleId, nameof(cycleId));
        return ReadAsync(connection => ReadCycleAsync(connection, cycleId, null, cancellationToken), cancellationToken);
    }

    public Task<IReadOnlyList<CycleRecord>> RunningCyclesAsync(string accountId, CancellationToken cancellationToken = default)
    {
        JournalInput.Text(accountId, nameof(accountId));
        return ReadAsync(async connection =>
        {
            var rows = await QueryAsync(connection, $"""
                    SELECT {CycleColumns} FROM cycles
                    WHERE account_id = @account_id AND status = @running
                    ORDER BY started_at, cycle_id;
                    """,
                Parameters().Text("account_id", accountId).Enum("running", CycleStatus.Running), null, cancellationToken)
                .ConfigureAwait(false);
            return (IReadOnlyList<CycleRecord>)[.. rows.Select(ReadCycle)];
        }, cancellationToken);
    }

    private async Task<CycleRecord?> ReadCycleAsync(
        System.Data.Common.DbConnection connection, string cycleId, System.Data.Common.DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var row = await QuerySingleAsync(connection, $"SELECT {CycleColumns} FROM cycles WHERE cycle_id = @cycle_id;",
            Parameters().Text("cycle_id", cycleId), transaction, cancellationToken).ConfigureAwait(false);
        return row is { } r ? ReadCycle(r) : null;
    }

    private static CycleRecord ReadCycle(JournalRow row) => new(
        row.Text("cycle_id"),
        row.Text("account_id"),
        row.Timestamp("started_at"),
        row.NullableTimestamp("finished_at"),
        row.Enum<CycleStatus>("status"),
        row.NullableText("error"));
}
