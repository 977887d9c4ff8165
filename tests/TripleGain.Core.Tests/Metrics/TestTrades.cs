using TripleGain.Core.Market;
using TripleGain.Core.Metrics;
using TripleGain.Core.Portfolio;

namespace TripleGain.Core.Tests.Metrics;

internal static class TestTrades
{
    /// <summary>A BTC/USDT long closed with the given net PnL; prices and volume are placeholders.</summary>
    public static ClosedTrade Trade(decimal pnl, DateTime entry, DateTime exit, decimal fees = 0) =>
        new(Pair.BtcUsdt, PositionSide.Long, entry, exit, 100m, 100m, 1m, pnl, fees);
}
