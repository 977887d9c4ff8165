namespace TripleGain.Core.Indicators;

/// <summary>
/// The full indicator set at one candle, as produced by <see cref="IndicatorSetStream"/>.
/// A null value means the indicator is still warming up (never zero).
/// </summary>
public sealed record IndicatorValues(
    DateTime Timestamp,
    double Close,
    double? EmaFast,
    double? EmaMid,
    double? EmaSlow,
    double? Rsi,
    double? Macd,
    double? MacdSignal,
    double? MacdHistogram,
    double? Roc,
    double? Adx,
    double? PlusDi,
    double? MinusDi,
    double? Atr,
    double? BollingerUpper,
    double? BollingerMiddle,
    double? BollingerLower,
    double? BollingerPercentB,
    double? BollingerWidth,
    double? KeltnerUpper,
    double? KeltnerMiddle,
    double? KeltnerLower,
    double Obv,
    double? Vwap,
    double? VolumeRatio);
