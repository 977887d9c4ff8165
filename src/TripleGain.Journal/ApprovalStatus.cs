namespace TripleGain.Journal;

/// <summary>An approval's state. Stored as "pending", "approved", "rejected", "expired"; only Pending can change.</summary>
public enum ApprovalStatus
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,
    Expired = 4,
}
