using TripleGain.Core.Market;

namespace TripleGain.Core.Indicators;

/// <summary>
/// Streaming VWAP with typical price (H+L+C)/3. <see cref="VwapAnchor.UtcDay"/> resets at 00:00 UTC (session VWAP);
/// <see cref="VwapAnchor.FirstBar"/> is cumulative from the first candle at or after <c>start</c> (Skender's form).
/// Null before <c>start</c> and while the anchored volume is 0.
/// </summary>
public sealed class VwapStream
{
    private VwapCore _core;
    private CandleSequence _sequence;

    public VwapStream(VwapAnchor anchor = VwapAnchor.UtcDay, DateTime? start = null)
    {
        if (!Enum.IsDefined(anchor))
        {
            throw new ArgumentOutOfRangeException(nameof(anchor), anchor, $"VWAP anchor {anchor} is not one of {string.Join(", ", Enum.GetNames<VwapAnchor>())}.");
        }

        Anchor = anchor;
        Start = start;
        _core = new VwapCore(anchor, start);
    }

    public VwapAnchor Anchor { get; }

    public DateTime? Start { get; }

    public VwapResult Add(in Candle candle)
    {
        _sequence.Advance(candle.Timestamp, "VWAP");
        return new VwapResult(candle.Timestamp, _core.Add(candle.Timestamp,
            (double)candle.High, (double)candle.Low, (double)candle.Close, (double)candle.Volume));
    }
}
