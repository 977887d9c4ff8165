namespace TripleGain.Core.Portfolio;

/// <summary>Why the account cannot take a fill.</summary>
public enum TradeRejection
{
    None = 0,

    /// <summary>A cash trade would spend more of an asset than is available (balance minus holds).</summary>
    InsufficientFunds = 1,

    /// <summary>A margin trade would need more margin than is free.</summary>
    InsufficientMargin = 2,

    /// <summary>Leverage below 1, not a whole number, or above the account's maximum.</summary>
    InvalidLeverage = 3,

    /// <summary>The fill's leverage differs from the leverage of the open position in the pair.</summary>
    LeverageMismatch = 4,

    /// <summary>A price needed to value the account in USDT is missing.</summary>
    PriceUnavailable = 5,
}
