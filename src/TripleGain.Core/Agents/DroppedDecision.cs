namespace TripleGain.Core.Agents;

/// <summary>A decision of the cycle that produced no order, with the rule (a <see cref="RiskRules"/> or
/// <see cref="CoordinatorRules"/> key) and the reason, for the journal.</summary>
public sealed record DroppedDecision(TradeDecision Decision, string Rule, string Reason);
