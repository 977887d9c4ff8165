using TripleGain.Core.Market;

namespace TripleGain.Core.Indicators;

/// <summary>
/// Streaming Bollinger Bands on closes (population standard deviation) in O(1) per candle; agrees with
/// <see cref="Indicator.ToBollingerBands"/> to rounding (about 1e-12 relative).
/// </summary>
public sealed class BollingerBandsStream
{
    private WindowCore _window;
    private CandleSequence _sequence;

    public BollingerBandsStream(int period = 20, double standardDeviations = 2)
    {
        Validate(period, standardDeviations);
        Period = period;
        StandardDeviations = standardDeviations;
        _window = new WindowCore(period, trackVariance: true);
    }

    public int Period { get; }

    public double StandardDeviations { get; }

    public BollingerBandsResult Add(in Candle candle)
    {
        _sequence.Advance(candle.Timestamp, "Bollinger Bands");
        var close = (double)candle.Close;
        _window.Add(close);
        return _window.IsFull
            ? BandMath.BollingerResult(candle.Timestamp, close, _window.Mean, _window.Variance, StandardDeviations)
            : new BollingerBandsResult(candle.Timestamp, null, null, null, null, null, null);
    }

    internal static void Validate(int period, double standardDeviations)
    {
        IndicatorParameters.AtLeast(period, 2, nameof(period), "Bollinger Bands");
        IndicatorParameters.Positive(standardDeviations, nameof(standardDeviations), "Bollinger Bands");
    }
}
