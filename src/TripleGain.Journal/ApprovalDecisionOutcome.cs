namespace TripleGain.Journal;

/// <summary>What became of a person's approve/reject.</summary>
public enum ApprovalDecisionOutcome
{
    /// <summary>The approval was pending and now carries the person's decision.</summary>
    Decided = 1,

    /// <summary>No approval has that id.</summary>
    NotFound = 2,

    /// <summary>The approval had expired (before or at the decision time); it stays expired and must not be executed.</summary>
    Expired = 3,

    /// <summary>The approval was already approved or rejected; the earlier decision stands.</summary>
    AlreadyDecided = 4,
}
