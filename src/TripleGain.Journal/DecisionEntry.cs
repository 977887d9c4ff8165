namespace TripleGain.Journal;

/// <summary>A decision and, when the RiskAgent has answered, its verdict: journaled together in one transaction.</summary>
public sealed record DecisionEntry(DecisionRecord Decision, RiskVerdictRecord? Verdict = null);
