namespace TripleGain.Core.Configuration;

public enum TradingMode
{
    Paper = 1,
    Live = 2,
}
