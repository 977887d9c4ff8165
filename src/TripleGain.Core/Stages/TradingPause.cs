namespace TripleGain.Core.Stages;

/// <summary>An active pause: who set it ("system" for the rollback rules), when (UTC) and why. Nothing trades while it is set.</summary>
public sealed record TradingPause(string By, DateTime At, string Reason);
