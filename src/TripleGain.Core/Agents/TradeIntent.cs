namespace TripleGain.Core.Agents;

/// <summary>
/// What a decision does to the account, given its positions and balances (see <see cref="RiskAgent.IntentOf"/>):
/// it opens or increases a position (new risk), reduces a position, sells spot holdings of the base asset, or closes.
/// </summary>
public enum TradeIntent
{
    /// <summary>HOLD: no order.</summary>
    Hold = 0,

    /// <summary>BUY without a short position (new or larger long), or SELL that opens or increases a short.</summary>
    Open = 1,

    /// <summary>SELL against a long position, or BUY against a short position: shrinks it, never flips it.</summary>
    Reduce = 2,

    /// <summary>SELL without a position while the account holds the base asset: a cash sale of the holding.</summary>
    SellHoldings = 3,

    /// <summary>CLOSE: flattens the position in the pair.</summary>
    Close = 4,
}
