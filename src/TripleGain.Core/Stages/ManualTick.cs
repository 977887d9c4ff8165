namespace TripleGain.Core.Stages;

/// <summary>A person's tick of the manual item <see cref="ItemId"/> of the gate <see cref="GateId"/>, with when (UTC) and an optional note.</summary>
public sealed record ManualTick(string GateId, string ItemId, string By, DateTime At, string? Note);
