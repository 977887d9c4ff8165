namespace TripleGain.Grains.Approvals;

/// <summary>
/// Trades of one account waiting for a person (phase 3: every trade in week 1, trades over $25 in week 2). Key: the
/// account id, e.g. "live:main". Every item is journalled as an approval (keyed by its order's client order id, so a
/// cycle retried after a crash queues it once); approve, reject and expiry are journalled with who, when and why.
/// Times are the market clock's.
/// <para>Approve: only a named person; refused when the item is not pending ("already decided": an item never executes
/// twice), past its expiry (the journal marks it expired), while trading is halted, or when the risk check, run again
/// at the current price with the account's current portfolio and stage limits, no longer passes (the rule and reason
/// are returned; the item stays pending). Otherwise the order is placed through the portfolio with the cycle id
/// "approval-&lt;id&gt;" (idempotent), at the volume the check allows (never more than queued).</para>
/// </summary>
[Alias("triplegain.IApprovalQueueGrain")]
public interface IApprovalQueueGrain : IGrainWithStringKey
{
    /// <summary>Queues a trade (idempotent per client order id) and journals the pending approval. Returns the item.</summary>
    [Alias("EnqueueAsync")]
    Task<ApprovalItem> EnqueueAsync(TradeForApproval trade);

    /// <summary>The pending items (with their expiry) and the recently decided ones; due items are expired first.</summary>
    [Alias("ListAsync")]
    Task<ApprovalQueueView> ListAsync();

    /// <summary>
    /// A person approves item <paramref name="approvalId"/>. <paramref name="currentPrice"/> (quote per base) overrides
    /// the market's latest price for the risk check; leave it null in production (the grain reads the market).
    /// </summary>
    [Alias("ApproveAsync")]
    Task<ApprovalResult> ApproveAsync(long approvalId, string by, string? comment, decimal? currentPrice = null);

    /// <summary>A person rejects item <paramref name="approvalId"/> (refused when it is no longer pending or has expired).</summary>
    [Alias("RejectAsync")]
    Task<ApprovalResult> RejectAsync(long approvalId, string by, string? comment);

    /// <summary>
    /// Marks the items due at <paramref name="nowUtc"/> expired (journal too) and returns them; also finishes placing an
    /// approved item a crash interrupted (idempotent). The cycle calls it for every account on every cycle.
    /// </summary>
    [Alias("ExpireDueAsync")]
    Task<IReadOnlyList<ApprovalItem>> ExpireDueAsync(DateTime nowUtc);
}
