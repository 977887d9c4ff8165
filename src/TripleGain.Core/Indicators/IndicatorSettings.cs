namespace TripleGain.Core.Indicators;

/// <summary>Periods of the technical agent's indicator set. Defaults are the design's: EMA 9/21/50, RSI 14, MACD 12/26/9, ...</summary>
public sealed record IndicatorSettings
{
    public int EmaFast { get; init; } = 9;
    public int EmaMid { get; init; } = 21;
    public int EmaSlow { get; init; } = 50;
    public int Rsi { get; init; } = 14;
    public int MacdFast { get; init; } = 12;
    public int MacdSlow { get; init; } = 26;
    public int MacdSignal { get; init; } = 9;
    public int Roc { get; init; } = 12;
    public int Adx { get; init; } = 14;
    public int Atr { get; init; } = 14;
    public int BollingerPeriod { get; init; } = 20;
    public double BollingerStdDevs { get; init; } = 2;
    public int KeltnerEma { get; init; } = 20;
    public double KeltnerMultiplier { get; init; } = 2;
    public int KeltnerAtr { get; init; } = 10;
    public int VolumeMa { get; init; } = 20;

    public static IndicatorSettings Default { get; } = new();
}
