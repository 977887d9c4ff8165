namespace TripleGain.Journal;

/// <summary>A decision with its risk verdict (if any) and the orders placed for it (oldest first).</summary>
public sealed record DecisionDetail(DecisionRecord Decision, RiskVerdictRecord? Verdict, IReadOnlyList<OrderRecord> Orders);
