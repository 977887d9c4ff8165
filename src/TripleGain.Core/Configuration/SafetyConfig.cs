namespace TripleGain.Core.Configuration;

/// <summary>The <c>safety.*</c> section.</summary>
public sealed record SafetyConfig(decimal EmergencyStopDrawdownPct, decimal MaxDailyLossPct, TimeSpan ApprovalTimeout);
