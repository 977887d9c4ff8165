namespace TripleGain.Core.Portfolio;

/// <summary>Whether a fill added liquidity to the book (maker fee) or took it (taker fee).</summary>
public enum Liquidity
{
    Maker = 1,
    Taker = 2,
}
