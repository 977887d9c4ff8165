namespace TripleGain.Core.Indicators;

/// <summary>Rejects a candle whose timestamp is not after the previous one's (streams take candles in strictly increasing time).</summary>
internal struct CandleSequence
{
    private DateTime _last;
    private bool _started;

    public void Advance(DateTime timestamp, string indicator)
    {
        if (_started && timestamp <= _last)
        {
            throw new ArgumentException(
                $"{indicator}: candle at {timestamp:O} is not after the previous candle at {_last:O}; candles must arrive in strictly increasing time.",
                "candle");
        }

        _last = timestamp;
        _started = true;
    }

    /// <summary>Checks a whole series (batch form) without keeping state.</summary>
    public static void RequireIncreasing(IReadOnlyList<Market.Candle> candles, string indicator)
    {
        for (var i = 1; i < candles.Count; i++)
        {
            if (candles[i].Timestamp <= candles[i - 1].Timestamp)
            {
                throw new ArgumentException(
                    $"{indicator}: candle {i} at {candles[i].Timestamp:O} is not after candle {i - 1} at {candles[i - 1].Timestamp:O}; candles must be in strictly increasing time.",
                    nameof(candles));
            }
        }
    }
}
