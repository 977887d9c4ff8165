namespace TripleGain.Core.Agents;

/// <summary>What a model wants to do with a pair. Buy opens/increases long, Sell opens/increases short (or reduces long),
/// Close flattens the position, Hold does nothing.</summary>
public enum TradeAction
{
    Hold = 0,
    Buy = 1,
    Sell = 2,
    Close = 3,
}
