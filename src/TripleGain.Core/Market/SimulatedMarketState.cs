namespace TripleGain.Core.Market;

/// <summary>
/// Everything <see cref="SimulatedMarket"/> carries from one minute to the next, so a host (the silo) can persist it
/// and resume exactly where it stopped: <c>new SimulatedMarket(options, state)</c> continues with the same candles the
/// original would have produced. Serializes with System.Text.Json (doubles round-trip exactly).
/// </summary>
/// <param name="NextTimestamp">Open time of the next minute to generate.</param>
/// <param name="Rng0">xoshiro256** state word 0 (with 1..3; not all zero).</param>
/// <param name="Regime">The current regime.</param>
/// <param name="BtcLogPrice">Natural log of the unrounded BTC/USDT price.</param>
/// <param name="BtcVariance">GARCH variance of BTC relative to its long-run level (1 = normal).</param>
/// <param name="BtcAnchor">Log price the ranging regime reverts to.</param>
/// <param name="BtcUsdtClose">Last close of BTC/USDT (the next candle's open), rounded to the pair's decimals.</param>
public sealed record SimulatedMarketState(
    DateTime NextTimestamp,
    ulong Rng0,
    ulong Rng1,
    ulong Rng2,
    ulong Rng3,
    MarketRegime Regime,
    double BtcLogPrice,
    double XrpLogPrice,
    double BtcVariance,
    double XrpVariance,
    double BtcAnchor,
    double XrpAnchor,
    decimal BtcUsdtClose,
    decimal XrpUsdtClose,
    decimal XrpBtcClose);
