namespace TripleGain.Core.Exchange;

public enum OrderSide
{
    Buy = 1,
    Sell = 2,
}
