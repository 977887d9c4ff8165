using TripleGain.Core.Backtesting;
using TripleGain.Core.Exchange;
using TripleGain.Core.Market;
using TripleGain.Core.Metrics;
using TripleGain.Core.Portfolio;

namespace TripleGain.Core.Tests.Backtesting;

public class TradeBookTests
{
    private static readonly DateTime T0 = new(2025, 2, 1, 0, 0, 0, DateTimeKind.Utc);

    private static TradeBook Book(decimal usdt = 100_000m, decimal xrp = 0m) =>
        new(new Account("book", new Dictionary<Asset, decimal> { [Asset.USDT] = usdt, [Asset.XRP] = xrp }, T0));

    private static int _sequence;

    private static Fill Fill(Pair pair, OrderSide side, decimal volume, decimal price, int minute, decimal leverage = 1m, decimal feeRate = 0.004m) =>
        new($"T{++_sequence}", "O", "c", pair, side, volume, price, volume * price * feeRate, pair.Quote, Liquidity.Taker, T0.AddMinutes(minute), leverage);

    [Fact]
    public void Record_BuyThenTwoSells_TwoTradesWithProRatedEntryFees()
    {
        var book = Book();

        book.Record(Fill(Pair.BtcUsdt, OrderSide.Buy, 1m, 100m, 0));   // fee 0.4
        book.Record(Fill(Pair.BtcUsdt, OrderSide.Sell, 0.4m, 110m, 5)); // fee 0.176
        book.Record(Fill(Pair.BtcUsdt, OrderSide.Sell, 0.6m, 90m, 9));  // fee 0.216

        book.Closed.ShouldBe(
        [
            new ClosedTrade(Pair.BtcUsdt, PositionSide.Long, T0, T0.AddMinutes(5), 100m, 110m, 0.4m, 4m - 0.16m - 0.176m, 0.16m + 0.176m),
            new ClosedTrade(Pair.BtcUsdt, PositionSide.Long, T0, T0.AddMinutes(9), 100m, 90m, 0.6m, -6m - 0.24m - 0.216m, 0.24m + 0.216m),
        ]);
        book.Account.RealizedPnlUsd.ShouldBe(book.Closed.Sum(t => t.PnlUsd + t.FeesUsd));
    }

    [Fact]
    public void Record_TwoBuysThenSellAll_OneTradeAtTheAverageEntry()
    {
        var book = Book();

        book.Record(Fill(Pair.XrpUsdt, OrderSide.Buy, 100m, 0.5m, 0));
        book.Record(Fill(Pair.XrpUsdt, OrderSide.Buy, 100m, 0.7m, 3));
        book.Record(Fill(Pair.XrpUsdt, OrderSide.Sell, 200m, 0.8m, 7));

        var trade = book.Closed.ShouldHaveSingleItem();
        trade.EntryTime.ShouldBe(T0);
        trade.EntryPrice.ShouldBe(0.6m);
        trade.Volume.ShouldBe(200m);
        trade.FeesUsd.ShouldBe((50m + 70m + 160m) * 0.004m);
        trade.PnlUsd.ShouldBe(40m - trade.FeesUsd);
    }

    [Fact]
    public void Record_MarginShortFlippedLong_ClosesTheShortAndOpensALong()
    {
        var book = Book();

        book.Record(Fill(Pair.BtcUsdt, OrderSide.Sell, 1m, 100m, 0, leverage: 2m));
        book.Record(Fill(Pair.BtcUsdt, OrderSide.Buy, 3m, 90m, 4, leverage: 2m));   // closes 1 short, opens 2 long
        book.Record(Fill(Pair.BtcUsdt, OrderSide.Sell, 2m, 95m, 8, leverage: 2m));

        book.Closed.Count.ShouldBe(2);
        var shortTrade = book.Closed[0];
        shortTrade.Side.ShouldBe(PositionSide.Short);
        shortTrade.Volume.ShouldBe(1m);
        shortTrade.FeesUsd.ShouldBe(0.4m + (1.08m / 3m));
        shortTrade.PnlUsd.ShouldBe(10m - shortTrade.FeesUsd);
        var longTrade = book.Closed[1];
        longTrade.Side.ShouldBe(PositionSide.Long);
        longTrade.EntryTime.ShouldBe(T0.AddMinutes(4));
        longTrade.Volume.ShouldBe(2m);
        longTrade.FeesUsd.ShouldBe((1.08m - (1.08m / 3m)) + 0.76m);
        longTrade.PnlUsd.ShouldBe(10m - longTrade.FeesUsd);
    }

    [Fact]
    public void Record_SaleOfHoldingsWithoutPosition_NoTrade()
    {
        var book = Book(usdt: 0m, xrp: 500m);

        book.Record(Fill(Pair.XrpUsdt, OrderSide.Sell, 200m, 0.6m, 0));

        book.Closed.ShouldBeEmpty();
        book.Account.Balance(Asset.XRP).ShouldBe(300m);
    }

    [Fact]
    public void Record_CrossPairSpendsTheBase_PositionCutWithoutATrade()
    {
        var book = Book(usdt: 1_000m);

        book.Record(Fill(Pair.BtcUsdt, OrderSide.Buy, 0.01m, 50_000m, 0));      // 0.01 BTC held as a BTC/USDT position
        book.Record(Fill(Pair.XrpBtc, OrderSide.Buy, 500m, 0.00001m, 1, feeRate: 0m)); // spends 0.005 BTC on XRP
        book.Record(Fill(Pair.BtcUsdt, OrderSide.Sell, 0.005m, 52_000m, 2));

        var trade = book.Closed.ShouldHaveSingleItem();
        trade.Volume.ShouldBe(0.005m);
        trade.FeesUsd.ShouldBe((0.01m * 50_000m * 0.004m / 2m) + (0.005m * 52_000m * 0.004m));
        book.Account.CashPositionIn(Pair.BtcUsdt).ShouldBeNull();
    }
}
