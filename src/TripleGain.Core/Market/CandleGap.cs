namespace TripleGain.Core.Market;

/// <summary>
/// A run of missing candles: <see cref="Start"/> is the open time of the first missing candle, <see cref="End"/> the
/// open time of the candle that follows the gap (exclusive), <see cref="MissingCount"/> the number of missing candles.
/// </summary>
public readonly record struct CandleGap(DateTime Start, DateTime End, int MissingCount)
{
    public TimeSpan Duration => End - Start;

    public override string ToString() =>
        $"{Start:yyyy-MM-dd'T'HH:mm'Z'} .. {End:yyyy-MM-dd'T'HH:mm'Z'} ({MissingCount} missing)";
}
