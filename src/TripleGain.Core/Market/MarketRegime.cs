namespace TripleGain.Core.Market;

/// <summary>The simulated market's hidden state: it drifts up, drifts down, or reverts to a level with lower volatility.</summary>
public enum MarketRegime
{
    Ranging = 0,
    TrendingUp = 1,
    TrendingDown = 2,
}
