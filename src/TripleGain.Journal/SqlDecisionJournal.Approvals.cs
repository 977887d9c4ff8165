using System.Data.Common;
using TripleGain.Journal.Sql;

namespace TripleGain.Journal;

public sealed partial class SqlDecisionJournal
{
    private const string ApprovalColumns =
        "id, client_order_id, account_id, decision_id, status, requested_at, expires_at, decided_at, decided_by, comment";

    public Task<Recorded<ApprovalRecord>> CreateApprovalAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        JournalInput.Text(request.ClientOrderId, "ApprovalRequest.ClientOrderId");
        JournalInput.Text(request.AccountId, "ApprovalRequest.AccountId");
        JournalInput.Utc(request.RequestedAt, "ApprovalRequest.RequestedAt");
        JournalInput.Utc(request.ExpiresAt, "ApprovalRequest.ExpiresAt");
        if (JournalValues.TruncateToMicroseconds(request.ExpiresAt) <= JournalValues.TruncateToMicroseconds(request.RequestedAt))
        {
            throw new ArgumentException(
                $"ApprovalRequest.ExpiresAt ({request.ExpiresAt:O}) must be after RequestedAt ({request.RequestedAt:O}).", nameof(request));
        }

        return WriteAsync(async (connection, transaction) =>
        {
            if (request.DecisionId is { } decisionId
                && !await ExistsAsync(connection, "decisions", "id", decisionId, transaction, cancellationToken).ConfigureAwait(false))
            {
                throw new KeyNotFoundException(
                    $"Approval for order '{request.ClientOrderId}' refers to decision {decisionId}, which is not in the journal.");
            }

            var parameters = Parameters()
                .Text("client_order_id", request.ClientOrderId)
                .Text("account_id", request.AccountId)
                .Long("decision_id", request.DecisionId)
                .Enum("status", ApprovalStatus.Pending)
                .Timestamp("requested_at", request.RequestedAt)
                .Timestamp("expires_at", request.ExpiresAt);
            var id = await ScalarAsync<long?>(connection, """
                    INSERT INTO approvals (client_order_id, account_id, decision_id, status, requested_at, expires_at)
                    VALUES (@client_order_id, @account_id, @decision_id, @status, @requested_at, @expires_at)
                    ON CONFLICT (client_order_id) DO NOTHING
                    RETURNING id;
                    """, parameters, transaction, cancellationToken).ConfigureAwait(false);
            var row = await QuerySingleAsync(connection, $"SELECT {ApprovalColumns} FROM approvals WHERE client_order_id = @client_order_id;",
                Parameters().Text("client_order_id", request.ClientOrderId), transaction, cancellationToken).ConfigureAwait(false);
            var stored = ReadApproval(row ?? throw new InvalidOperationException($"Approval for '{request.ClientOrderId}' vanished while being created."));
            return new Recorded<ApprovalRecord>(stored, AlreadyExisted: id is null);
        }, cancellationToken);
    }

    public Task<ApprovalDecision> DecideApprovalAsync(
        long approvalId, ApprovalStatus decision, string decidedBy, string? comment, DateTime decidedAt, CancellationToken cancellationToken = default)
    {
        if (decision is not (ApprovalStatus.Approved or ApprovalStatus.Rejected))
        {
            throw new ArgumentException($"A person decides an approval as Approved or Rejected (got {decision}).", nameof(decision));
        }

        JournalInput.Text(decidedBy, nameof(decidedBy));
        JournalInput.Utc(decidedAt, nameof(decidedAt));
        return WriteAsync(async (connection, transaction) =>
        {
            var parameters = Parameters()
                .Long("id", approvalId)
                .Enum("status", decision)
                .Timestamp("decided_at", decidedAt)
                .Text("decided_by", decidedBy)
                .Text("comment", comment)
                .Enum("pending", ApprovalStatus.Pending);
            var decided = await ExecuteAsync(connection, """
                    UPDATE approvals SET status = @status, decided_at = @decided_at, decided_by = @decided_by, comment = @comment
                    WHERE id = @id AND status = @pending AND expires_at > @decided_at;
                    """, parameters, transaction, cancellationToken).ConfigureAwait(false);
            if (decided == 1)
            {
                return new ApprovalDecision(ApprovalDecisionOutcome.Decided,
                    await ReadApprovalAsync(connection, approvalId, transaction, cancellationToken).ConfigureAwait(false));
            }

            var current = await ReadApprovalAsync(connection, approvalId, transaction, cancellationToken).ConfigureAwait(false);
            switch (current?.Status)
            {
                case null:
                    return new ApprovalDecision(ApprovalDecisionOutcome.NotFound, null);
                case ApprovalStatus.Pending:
                    // Due: it expired before this decision arrived. Record that, and refuse the decision.
                    await ExecuteAsync(connection, """
                            UPDATE approvals SET status = @expired, decided_at = expires_at WHERE id = @id AND status = @pending;
                            """,
                        Parameters().Long("id", approvalId).Enum("expired", ApprovalStatus.Expired).Enum("pending", ApprovalStatus.Pending),
                        transaction, cancellationToken).ConfigureAwait(false);
                    return new ApprovalDecision(ApprovalDecisionOutcome.Expired,
                        await ReadApprovalAsync(connection, approvalId, transaction, cancellationToken).ConfigureAwait(false));
                case ApprovalStatus.Expired:
                    return new ApprovalDecision(ApprovalDecisionOutcome.Expired, current);
                default:
                    return new ApprovalDecision(ApprovalDecisionOutcome.AlreadyDecided, current);
            }
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ApprovalRecord>> ExpireDueApprovalsAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        JournalInput.Utc(now, nameof(now));
        return WriteAsync(async (connection, transaction) =>
        {
            var rows = await QueryAsync(connection, $"""
                    UPDATE approvals SET status = @expired, decided_at = expires_at
                    WHERE status = @pending AND expires_at <= @now
                    RETURNING {ApprovalColumns};
                    """,
                Parameters().Timestamp("now", now).Enum("expired", ApprovalStatus.Expired).Enum("pending", ApprovalStatus.Pending),
                transaction, cancellationToken).ConfigureAwait(false);
            return (IReadOnlyList<ApprovalRecord>)[.. rows.Select(ReadApproval).OrderBy(a => a.ExpiresAt).ThenBy(a => a.Id)];
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ApprovalRecord>> PendingApprovalsAsync(string? accountId = null, CancellationToken cancellationToken = default) =>
        ReadAsync(async connection =>
        {
            var where = new List<string> { "status = @pending" };
            var parameters = Parameters().Enum("pending", ApprovalStatus.Pending);
            if (accountId is not null)
            {
                where.Add("account_id = @account_id");
                parameters.Text("account_id", accountId);
            }

            var rows = await QueryAsync(connection,
                    $"SELECT {ApprovalColumns} FROM approvals {WhereClause(where)} ORDER BY requested_at, id;", parameters, null, cancellationToken)
                .ConfigureAwait(false);
            return (IReadOnlyList<ApprovalRecord>)[.. rows.Select(ReadApproval)];
        }, cancellationToken);

    public Task<ApprovalRecord?> GetApprovalAsync(long approvalId, CancellationToken cancellationToken = default) =>
        ReadAsync(connection => ReadApprovalAsync(connection, approvalId, null, cancellationToken), cancellationToken);

    private async Task<ApprovalRecord?> ReadApprovalAsync(
        DbConnection connection, long approvalId, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var row = await QuerySingleAsync(connection, $"SELECT {ApprovalColumns} FROM approvals WHERE id = @id;",
            Parameters().Long("id", approvalId), transaction, cancellationToken).ConfigureAwait(false);
        return row is { } r ? ReadApproval(r) : null;
    }

    private static ApprovalRecord ReadApproval(JournalRow row) => new(
        row.Long("id"),
        row.Text("client_order_id"),
        row.Text("account_id"),
        row.NullableLong("decision_id"),
        row.Enum<ApprovalStatus>("status"),
        row.Timestamp("requested_at"),
        row.Timestamp("expires_at"),
        row.NullableTimestamp("decided_at"),
        row.NullableText("decided_by"),
        row.NullableText("comment"));
}
