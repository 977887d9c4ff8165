namespace TripleGain.Journal;

/// <summary>The result of approving or rejecting: what happened and the approval as it now stands (null if not found).</summary>
public sealed record ApprovalDecision(ApprovalDecisionOutcome Outcome, ApprovalRecord? Approval);
