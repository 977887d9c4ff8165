namespace TripleGain.Core.Stages;

/// <summary>A checklist item a signed-in person ticks with a note (<see cref="ManualTick"/>), e.g. "emergency stop tested".</summary>
public sealed record ManualGateItem(string Id, string Description);
