namespace TripleGain.Journal;

/// <summary>Whether a fill added liquidity (maker fee) or took it (taker fee). Stored as "maker" / "taker".</summary>
public enum FillLiquidity
{
    Maker = 1,
    Taker = 2,
}
