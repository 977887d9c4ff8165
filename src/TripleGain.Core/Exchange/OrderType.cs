namespace TripleGain.Core.Exchange;

/// <summary>Kraken's order types that TripleGain uses.</summary>
public enum OrderType
{
    Market = 1,
    Limit = 2,
    StopLoss = 3,
    TakeProfit = 4,
}
