using TripleGain.Grains.Operator;

namespace TripleGain.Silo.Services;

/// <summary>
/// What <see cref="ILiveUpdates.Changed"/> carries when raised by <see cref="LiveUpdates"/>: the grains' notification,
/// or null when the safety re-check found a change no notification announced.
/// </summary>
public sealed class LiveChangeEventArgs(OperatorChange? change) : EventArgs
{
    public OperatorChange? Change { get; } = change;
}
