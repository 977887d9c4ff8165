namespace TripleGain.Core.Agents;

public enum Momentum
{
    Unknown = 0,
    Oversold = 1,
    Bearish = 2,
    Neutral = 3,
    Bullish = 4,
    Overbought = 5,
}
