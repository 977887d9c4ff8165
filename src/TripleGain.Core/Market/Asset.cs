namespace TripleGain.Core.Market;

/// <summary>The assets TripleGain trades. USDT is the valuation currency.</summary>
public enum Asset
{
    USDT = 0,
    BTC = 1,
    XRP = 2,
}
