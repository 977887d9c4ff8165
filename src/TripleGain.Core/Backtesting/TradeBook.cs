using TripleGain.Core.Market;
using TripleGain.Core.Metrics;
using TripleGain.Core.Portfolio;

namespace TripleGain.Core.Backtesting;

/// <summary>
/// Forms round trips (<see cref="ClosedTrade"/>) from an account's fills. The fills are applied to a shadow
/// <see cref="Account"/> opened with the same deposits, so every fill's <see cref="FillOutcome"/> (realized P&amp;L, closed
/// and opened volume, position after) is the account's own arithmetic.
/// </summary>
/// <remarks>
/// <para>Each fill that reduces a position (its <see cref="FillOutcome.ClosedVolume"/> &gt; 0: a sell against a long, a buy
/// against a short, a stop-loss or take-profit, a close, the closing part of a flip) closes one trade for the volume it
/// reduced: side and entry time of the position, entry price = the position's volume-weighted average entry, exit price =
/// the fill price, P&amp;L = the fill's realized P&amp;L in USDT minus the trade's fees. Fees are the entry fees of the
/// position pro-rated by volume (the margin opening fee included) plus the exit fill's fee pro-rated to the closed volume.
/// A partial reduce is its own trade; what stays open keeps the rest of its entry fees.</para>
/// <para>Not trades: sales of holdings that no position covers (the seed's 500 XRP), and volume the account cuts from a
/// cash position when the base asset is spent through another pair (no P&amp;L is realized; it shows in equity only).
/// Hence sum(trade P&amp;L + trade fees) = the account's realized P&amp;L, exactly.</para>
/// </remarks>
public sealed class TradeBook
{
    private readonly Account _shadow;
    private readonly Dictionary<(Pair Pair, bool Margin), OpenTrade> _open = [];
    private readonly List<ClosedTrade> _closed = [];

    public TradeBook(Account shadow)
    {
        _shadow = shadow;
    }

    public IReadOnlyList<ClosedTrade> Closed => _closed;

    /// <summary>The shadow account after every recorded fill (its balances equal the real account's).</summary>
    public Account Account => _shadow;

    public void Record(Fill fill)
    {
        var key = (fill.Pair, fill.IsMargin);
        var before = _shadow.PositionFor(fill.Pair, fill.Leverage);
        var outcome = _shadow.Apply(fill);
        var exitFeeUsd = 0m;
        if (outcome.ClosedVolume > 0m && before is not null)
        {
            exitFeeUsd = fill.Fee * fill.QuoteUsdRate * outcome.ClosedVolume / fill.Volume;
            var entryFeeUsd = 0m;
            if (_open.TryGetValue(key, out var trade))
            {
                var share = Math.Min(1m, outcome.ClosedVolume / trade.Volume);
                entryFeeUsd = trade.FeesUsd * share;
                trade.Volume -= outcome.ClosedVolume;
                trade.FeesUsd -= entryFeeUsd;
                if (trade.Volume <= 0m)
                {
                    _open.Remove(key);
                }
            }

            var fees = entryFeeUsd + exitFeeUsd;
            _closed.Add(new ClosedTrade(
                fill.Pair,
                before.Side,
                before.OpenedAt,
                fill.Timestamp,
                before.EntryPrice,
                fill.Price,
                outcome.ClosedVolume,
                outcome.RealizedPnlUsd - fees,
                fees));
        }

        if (outcome.OpenedVolume > 0m)
        {
            var openFeeUsd = outcome.FeeUsd - exitFeeUsd;
            if (_open.TryGetValue(key, out var trade))
            {
                trade.Volume += outcome.OpenedVolume;
                trade.FeesUsd += openFeeUsd;
            }
            else
            {
                _open[key] = new OpenTrade { Volume = outcome.OpenedVolume, FeesUsd = openFeeUsd };
            }
        }

        if (_open.Count > 0)
        {
            Sync();
        }
    }

    /// <summary>Shrinks open trades whose position the account cut without a trade (see the remarks).</summary>
    private void Sync()
    {
        List<(Pair, bool)>? gone = null;
        foreach (var (key, trade) in _open)
        {
            var position = key.Margin ? _shadow.MarginPositionIn(key.Pair) : _shadow.CashPositionIn(key.Pair);
            var volume = position?.Volume ?? 0m;
            if (volume <= 0m)
            {
                (gone ??= []).Add(key);
            }
            else if (volume < trade.Volume)
            {
                trade.FeesUsd *= volume / trade.Volume;
                trade.Volume = volume;
            }
        }

        if (gone is not null)
        {
            foreach (var key in gone)
            {
                _open.Remove(key);
            }
        }
    }

    private sealed class OpenTrade
    {
        public decimal Volume { get; set; }

        public decimal FeesUsd { get; set; }
    }
}
