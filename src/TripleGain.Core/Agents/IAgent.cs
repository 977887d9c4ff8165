namespace TripleGain.Core.Agents;

/// <summary>
/// A pure agent: one input record in, one output record out, no I/O and no clock of its own
/// (time arrives in the input). The same agent code runs in a backtest, in paper trading and live.
/// </summary>
public interface IAgent<in TIn, out TOut>
{
    string Name { get; }

    TOut Run(TIn input);
}
