namespace TripleGain.Core.Stages;

/// <summary>An active emergency stop: who pressed it, when (UTC) and why. Nothing trades while it is set.</summary>
public sealed record EmergencyStop(string By, DateTime At, string Reason);
