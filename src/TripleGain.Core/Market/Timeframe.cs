namespace TripleGain.Core.Market;

/// <summary>Candle interval. The value is the length in minutes.</summary>
public enum Timeframe
{
    M1 = 1,
    M5 = 5,
    M15 = 15,
    H1 = 60,
    H4 = 240,
    D1 = 1440,
}
