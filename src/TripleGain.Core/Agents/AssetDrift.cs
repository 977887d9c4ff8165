using TripleGain.Core.Market;

namespace TripleGain.Core.Agents;

/// <summary>One asset's place in the allocation: its balance, USDT value, current and target weight (0..1) and the
/// drift (current minus target) in percentage points.</summary>
public sealed record AssetDrift(Asset Asset, decimal Balance, decimal ValueUsd, decimal Weight, decimal TargetWeight, decimal DriftPct);
