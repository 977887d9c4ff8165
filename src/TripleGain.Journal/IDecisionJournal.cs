namespace TripleGain.Journal;

/// <summary>
/// The decision journal: what every model decided, what risk allowed, which orders went out and filled, how accounts
/// and models fared, and who approved, stopped or changed what. Writes are transactional and idempotent where a
/// retry after a crash could repeat them (decision keys, client order ids, fill ids, cycle ids). All timestamps are
/// UTC (<see cref="DateTimeKind.Utc"/>, anything else is refused) and are kept to the microsecond (finer ticks are
/// truncated). Bad input throws <see cref="ArgumentException"/> naming the field, the value and the rule, and
/// writes nothing.
/// </summary>
public interface IDecisionJournal
{
    // ---- cycles ----

    /// <summary>Records the start of a cycle. Returns false when the cycle id is already journaled (resume it, don't redo it).</summary>
    Task<bool> BeginCycleAsync(string cycleId, string accountId, DateTime startedAt, CancellationToken cancellationToken = default);

    /// <summary>Marks a cycle Succeeded or Failed. Finishing it again the same way is a no-op; differently, a <see cref="JournalConflictException"/>.</summary>
    Task FinishCycleAsync(string cycleId, CycleStatus status, string? error, DateTime finishedAt, CancellationToken cancellationToken = default);

    Task<CycleRecord?> GetCycleAsync(string cycleId, CancellationToken cancellationToken = default);

    /// <summary>The account's cycles still Running (interrupted by a crash, or in progress), oldest first.</summary>
    Task<IReadOnlyList<CycleRecord>> RunningCyclesAsync(string accountId, CancellationToken cancellationToken = default);

    // ---- decisions and verdicts ----

    /// <summary>Records a decision and its verdict in one transaction; insert-if-absent on the decision key.</summary>
    Task<Recorded<long>> RecordDecisionAsync(DecisionRecord decision, RiskVerdictRecord? verdict = null, CancellationToken cancellationToken = default);

    /// <summary>Records several decisions (e.g. all of a cycle) in one transaction; results in the same order.</summary>
    Task<IReadOnlyList<Recorded<long>>> RecordDecisionsAsync(IReadOnlyList<DecisionEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Adds the verdict of a journaled decision. Returns false when the decision already has one (kept as it is).</summary>
    Task<bool> RecordVerdictAsync(long decisionId, RiskVerdictRecord verdict, CancellationToken cancellationToken = default);

    /// <summary>Decisions matching the filter, newest first, one keyset page at a time.</summary>
    Task<DecisionPage> QueryDecisionsAsync(DecisionFilter filter, DecisionPageRequest page, CancellationToken cancellationToken = default);

    Task<long> CountDecisionsAsync(DecisionFilter filter, CancellationToken cancellationToken = default);

    /// <summary>A decision with its verdict and orders, or null.</summary>
    Task<DecisionDetail?> GetDecisionAsync(long decisionId, CancellationToken cancellationToken = default);

    // ---- orders and fills ----

    /// <summary>
    /// The never-twice check: inserts the order unless its client order id is journaled already. Returns the stored
    /// order and <c>AlreadyExisted</c>; when true, the order was recorded before and must not be executed again.
    /// </summary>
    Task<Recorded<OrderRecord>> RecordOrderAsync(OrderRecord order, CancellationToken cancellationToken = default);

    Task<OrderRecord?> GetOrderAsync(string clientOrderId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets an order's status (and the exchange's order id when given). An unknown order throws
    /// <see cref="KeyNotFoundException"/>; leaving a final status throws <see cref="JournalConflictException"/>.
    /// </summary>
    Task<OrderRecord> UpdateOrderStatusAsync(string clientOrderId, OrderRecordStatus status, string? exchangeOrderId, DateTime updatedAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a fill; returns false when that exchange fill id is journaled already with the same values (a second
    /// report of the same fill). The same id with other values throws <see cref="JournalConflictException"/>.
    /// </summary>
    Task<bool> RecordFillAsync(FillRecord fill, CancellationToken cancellationToken = default);

    /// <summary>The fills of an order, oldest first.</summary>
    Task<IReadOnlyList<FillRecord>> FillsAsync(string clientOrderId, CancellationToken cancellationToken = default);

    // ---- accounts and models ----

    /// <summary>Records an equity snapshot; returns false when the account already has one at that timestamp (kept).</summary>
    Task<bool> RecordEquitySnapshotAsync(EquitySnapshotRecord snapshot, CancellationToken cancellationToken = default);

    /// <summary>The account's equity curve, oldest first; <paramref name="from"/> inclusive, <paramref name="to"/> exclusive.</summary>
    Task<IReadOnlyList<EquitySnapshotRecord>> EquityCurveAsync(string accountId, DateTime? from = null, DateTime? to = null, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the row of (model, account, day).</summary>
    Task UpsertDailyPerformanceAsync(DailyPerformanceRecord performance, CancellationToken cancellationToken = default);

    /// <summary>Daily rows by day then model then account; null filters match everything; days inclusive.</summary>
    Task<IReadOnlyList<DailyPerformanceRecord>> DailyPerformanceAsync(string? modelId = null, string? accountId = null, DateOnly? fromDay = null, DateOnly? toDay = null, CancellationToken cancellationToken = default);

    // ---- approvals ----

    /// <summary>Creates a pending approval; insert-if-absent on the client order id.</summary>
    Task<Recorded<ApprovalRecord>> CreateApprovalAsync(ApprovalRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// A person approves or rejects (<paramref name="decision"/> is Approved or Rejected). Only a pending approval
    /// whose expiry is after <paramref name="decidedAt"/> can be decided; a due one is marked Expired and reported so.
    /// </summary>
    Task<ApprovalDecision> DecideApprovalAsync(long approvalId, ApprovalStatus decision, string decidedBy, string? comment, DateTime decidedAt, CancellationToken cancellationToken = default);

    /// <summary>Marks every pending approval with expiry at or before <paramref name="now"/> Expired; returns them.</summary>
    Task<IReadOnlyList<ApprovalRecord>> ExpireDueApprovalsAsync(DateTime now, CancellationToken cancellationToken = default);

    /// <summary>Pending approvals (of one account, or all), oldest request first.</summary>
    Task<IReadOnlyList<ApprovalRecord>> PendingApprovalsAsync(string? accountId = null, CancellationToken cancellationToken = default);

    Task<ApprovalRecord?> GetApprovalAsync(long approvalId, CancellationToken cancellationToken = default);

    // ---- stages and emergency stops ----

    Task RecordStageTransitionAsync(StageTransitionRecord transition, CancellationToken cancellationToken = default);

    /// <summary>The account's stage transitions, oldest first.</summary>
    Task<IReadOnlyList<StageTransitionRecord>> StageTransitionsAsync(string accountId, CancellationToken cancellationToken = default);

    Task RecordEmergencyStopAsync(EmergencyStopRecord stop, CancellationToken cancellationToken = default);

    /// <summary>The account's emergency stops and resumes, oldest first (the last one is the current state).</summary>
    Task<IReadOnlyList<EmergencyStopRecord>> EmergencyStopsAsync(string accountId, CancellationToken cancellationToken = default);
}
