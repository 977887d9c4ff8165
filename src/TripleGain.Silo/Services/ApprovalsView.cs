namespace TripleGain.Silo.Services;

/// <summary>
/// The approvals page: the market time and clock speed (a countdown in real seconds is (ExpiresAt - Now) / ClockSpeed),
/// the trades waiting (oldest first) and those decided recently (newest first), over every account.
/// </summary>
public sealed record ApprovalsView(DateTime Now, double ClockSpeed, IReadOnlyList<ApprovalRow> Pending, IReadOnlyList<ApprovalRow> Recent);
