namespace TripleGain.Silo.Services;

/// <summary>
/// Trades waiting for a person. Approve re-runs the risk check at the current price and refuses when the trade no
/// longer passes; an expired trade cannot be approved; every decision is journalled with the person and the time.
/// </summary>
public interface IApprovalDesk
{
    Task<ApprovalsView> ReadAsync(CancellationToken cancellationToken = default);

    Task<DeskResult> ApproveAsync(string accountId, long approvalId, string by, string? comment, CancellationToken cancellationToken = default);

    Task<DeskResult> RejectAsync(string accountId, long approvalId, string by, string? comment, CancellationToken cancellationToken = default);
}
