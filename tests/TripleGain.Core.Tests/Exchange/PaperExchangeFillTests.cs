using TripleGain.Core.Exchange;
using TripleGain.Core.Market;
using TripleGain.Core.Portfolio;
using static TripleGain.Core.Tests.Exchange.Scenario;

namespace TripleGain.Core.Tests.Exchange;

public class PaperExchangeFillTests
{
    [Fact]
    public void OnCandle_MarketBuy_FillsAtNextOpenPlusSlippageWithTakerFee()
    {
        var exchange = NewExchange(slippageBps: 10m);
        exchange.PlaceOrder(MarketOrder("m1", Pair.BtcUsdt, OrderSide.Buy, 0.01m), Minute(0)).Accepted();

        var fills = exchange.OnCandle(Pair.BtcUsdt, Bar(1, 50000m, 50100m, 49900m, 50050m));

        var fill = fills.ShouldHaveSingleItem();
        fill.Price.ShouldBe(50050m); // 50000 x 1.001
        fill.Fee.ShouldBe(2.002m); // 0.01 x 50050 x 0.004
        fill.FeeAsset.ShouldBe(Asset.USDT);
        fill.Liquidity.ShouldBe(Liquidity.Taker);
        fill.Timestamp.ShouldBe(Minute(1));
        fill.ClientOrderId.ShouldBe("m1");
        exchange.Account.Balance(Asset.USDT).ShouldBe(497.498m); // 1000 - 500.5 - 2.002
        exchange.Account.Balance(Asset.BTC).ShouldBe(0.01m);
        exchange.OpenOrders.ShouldBeEmpty();
        exchange.Marks[Pair.BtcUsdt].ShouldBe(50050m);
    }

    [Fact]
    public void OnCandle_CandleOpenedBeforePlacement_DoesNotFill()
    {
        var exchange = NewExchange();
        exchange.PlaceOrder(MarketOrder("m1", Pair.BtcUsdt, OrderSide.Buy, 0.01m), Minute(1)).Accepted();

        exchange.OnCandle(Pair.BtcUsdt, Flat(0, 49000m)).ShouldBeEmpty();
        exchange.OnCandle(Pair.XrpUsdt, Flat(1, 0.5m)).ShouldBeEmpty(); // another pair's candle

        exchange.OnCandle(Pair.BtcUsdt, Flat(1, 50000m)).ShouldHaveSingleItem().Price.ShouldBe(50000m);
    }

    [Fact]
    public void OnCandle_MarketSell_FillsAtOpenMinusSlippageRoundedDownToTick()
    {
        var exchange = NewExchange(slippageBps: 10m);
        exchange.PlaceOrder(MarketOrder("m1", Pair.XrpUsdt, OrderSide.Sell, 100m), Minute(0)).Accepted();

        var fill = exchange.OnCandle(Pair.XrpUsdt, Bar(1, 0.50001m, 0.51m, 0.49m, 0.5m)).ShouldHaveSingleItem();

        fill.Price.ShouldBe(0.4995m); // 0.50001 x 0.999 = 0.49951, floored to 5 decimals against the seller
        fill.Fee.ShouldBe(0.1998m);
        exchange.Account.Balance(Asset.USDT).ShouldBe(1049.7502m); // 1000 + 49.95 - 0.1998
        exchange.Account.Balance(Asset.XRP).ShouldBe(400m);
    }

    [Fact]
    public void OnCandle_LimitBuyTouched_FillsAtLimitWithMakerFee()
    {
        var exchange = NewExchange(slippageBps: 10m);
        exchange.PlaceOrder(LimitOrder("l1", Pair.BtcUsdt, OrderSide.Buy, 0.01m, 49000m), Minute(0)).Accepted();

        exchange.OnCandle(Pair.BtcUsdt, Bar(1, 50000m, 50100m, 49000.1m, 49500m)).ShouldBeEmpty();
        exchange.OpenOrders.ShouldHaveSingleItem();

        var fill = exchange.OnCandle(Pair.BtcUsdt, Bar(2, 50000m, 50100m, 49000m, 49500m)).ShouldHaveSingleItem();

        fill.Price.ShouldBe(49000m);
        fill.Liquidity.ShouldBe(Liquidity.Maker);
        fill.Fee.ShouldBe(1.225m); // 490 x 0.0025
        exchange.Account.Balance(Asset.USDT).ShouldBe(508.775m);
    }

    [Fact]
    public void OnCandle_LimitBuyGappedThrough_FillsAtOpenAsTaker()
    {
        var exchange = NewExchange();
        exchange.PlaceOrder(LimitOrder("l1", Pair.BtcUsdt, OrderSide.Buy, 0.01m, 49000m), Minute(0)).Accepted();

        var fill = exchange.OnCandle(Pair.BtcUsdt, Bar(1, 48500m, 48800m, 48400m, 48700m)).ShouldHaveSingleItem();

        fill.Price.ShouldBe(48500m);
        fill.Liquidity.ShouldBe(Liquidity.Taker);
        fill.Fee.ShouldBe(1.94m); // 485 x 0.004
        exchange.Account.Balance(Asset.USDT).ShouldBe(513.06m);
    }

    [Fact]
    public void OnCandle_LimitBuyGapWithSlippage_NeverFillsAboveLimit()
    {
        var exchange = NewExchange(slippageBps: 10m);
        exchange.PlaceOrder(LimitOrder("l1", Pair.BtcUsdt, OrderSide.Buy, 0.01m, 49000m), Minute(0)).Accepted();

        var fill = exchange.OnCandle(Pair.BtcUsdt, Bar(1, 48990m, 49100m, 48900m, 49000m)).ShouldHaveSingleItem();

        fill.Price.ShouldBe(49000m); // 48990 x 1.001 = 49038.99 is above the limit
        fill.Fee.ShouldBe(1.96m);
    }

    [Fact]
    public void OnCandle_LimitSellTouched_FillsAtLimitWithMakerFee()
    {
        var exchange = NewExchange();
        exchange.PlaceOrder(LimitOrder("l1", Pair.XrpUsdt, OrderSide.Sell, 100m, 0.55m), Minute(0)).Accepted();

        var fill = exchange.OnCandle(Pair.XrpUsdt, Bar(1, 0.5m, 0.56m, 0.5m, 0.52m)).ShouldHaveSingleItem();

        fill.Price.ShouldBe(0.55m);
        fill.Liquidity.ShouldBe(Liquidity.Maker);
        exchange.Account.Balance(Asset.USDT).ShouldBe(1054.8625m); // 1000 + 55 - 0.1375
    }

    [Fact]
    public void OnCandle_LimitSellGappedThrough_FillsAtOpenAsTakerNeverBelowLimit()
    {
        var exchange = NewExchange(slippageBps: 10m);
        exchange.PlaceOrder(LimitOrder("l1", Pair.XrpUsdt, OrderSide.Sell, 100m, 0.55m), Minute(0)).Accepted();
        exchange.PlaceOrder(LimitOrder("l2", Pair.XrpUsdt, OrderSide.Sell, 100m, 0.56m), Minute(0)).Accepted();

        var fills = exchange.OnCandle(Pair.XrpUsdt, Bar(1, 0.56m, 0.57m, 0.55m, 0.56m));

        // 0.56 x 0.999 = 0.55944: above the 0.55 limit, below the 0.56 limit (capped there)
        fills.Select(f => (f.ClientOrderId, f.Price, f.Liquidity)).ShouldBe([("l1", 0.55944m, Liquidity.Taker), ("l2", 0.56m, Liquidity.Taker)]);
    }

    [Fact]
    public void OnCandle_StopLossSellTouched_FillsAtTriggerMinusSlippage()
    {
        var exchange = NewExchange(slippageBps: 10m);
        exchange.PlaceOrder(new OrderRequest("s1", Pair.XrpUsdt, OrderSide.Sell, OrderType.StopLoss, 100m, 0.45m), Minute(0)).Accepted();

        exchange.OnCandle(Pair.XrpUsdt, Bar(1, 0.5m, 0.5m, 0.4501m, 0.46m)).ShouldBeEmpty();
        var fill = exchange.OnCandle(Pair.XrpUsdt, Bar(2, 0.5m, 0.5m, 0.44m, 0.46m)).ShouldHaveSingleItem();

        fill.Price.ShouldBe(0.44955m); // 0.45 x 0.999
        fill.Liquidity.ShouldBe(Liquidity.Taker);
        exchange.Account.Balance(Asset.USDT).ShouldBe(1044.77518m); // 1000 + 44.955 - 0.17982
    }

    [Fact]
    public void OnCandle_StopLossSellGappedBelow_FillsAtOpenMinusSlippage()
    {
        var exchange = NewExchange(slippageBps: 10m);
        exchange.PlaceOrder(new OrderRequest("s1", Pair.XrpUsdt, OrderSide.Sell, OrderType.StopLoss, 100m, 0.45m), Minute(0)).Accepted();

        var fill = exchange.OnCandle(Pair.XrpUsdt, Bar(1, 0.43m, 0.44m, 0.42m, 0.43m)).ShouldHaveSingleItem();

        fill.Price.ShouldBe(0.42957m); // 0.43 x 0.999
        exchange.Account.Balance(Asset.USDT).ShouldBe(1042.785172m); // 1000 + 42.957 - 0.171828
    }

    [Fact]
    public void OnCandle_TakeProfitSellTouched_FillsAtTriggerMinusSlippage()
    {
        var exchange = NewExchange(slippageBps: 10m);
        exchange.PlaceOrder(new OrderRequest("t1", Pair.XrpUsdt, OrderSide.Sell, OrderType.TakeProfit, 100m, 0.6m), Minute(0)).Accepted();

        exchange.OnCandle(Pair.XrpUsdt, Bar(1, 0.5m, 0.5999m, 0.5m, 0.55m)).ShouldBeEmpty();
        var fill = exchange.OnCandle(Pair.XrpUsdt, Bar(2, 0.5m, 0.61m, 0.5m, 0.55m)).ShouldHaveSingleItem();

        fill.Price.ShouldBe(0.5994m);
        exchange.Account.Balance(Asset.USDT).ShouldBe(1059.70024m); // 1000 + 59.94 - 0.23976
    }

    [Fact]
    public void OnCandle_TakeProfitSellGappedAbove_FillsAtOpenMinusSlippage()
    {
        var exchange = NewExchange(slippageBps: 10m);
        exchange.PlaceOrder(new OrderRequest("t1", Pair.XrpUsdt, OrderSide.Sell, OrderType.TakeProfit, 100m, 0.6m), Minute(0)).Accepted();

        var fill = exchange.OnCandle(Pair.XrpUsdt, Bar(1, 0.62m, 0.63m, 0.61m, 0.62m)).ShouldHaveSingleItem();

        fill.Price.ShouldBe(0.61938m);
        exchange.Account.Balance(Asset.USDT).ShouldBe(1061.690248m); // 1000 + 61.938 - 0.247752
    }

    [Fact]
    public void OnCandle_ConfiguredFees_AreChargedFromTheCatalog()
    {
        var exchange = NewExchange(catalog: PairCatalog.Kraken.WithFees(makerFee: 0.001m, takerFee: 0.002m));
        exchange.PlaceOrder(MarketOrder("m1", Pair.BtcUsdt, OrderSide.Buy, 0.01m), Minute(0)).Accepted();
        exchange.PlaceOrder(LimitOrder("l1", Pair.XrpUsdt, OrderSide.Sell, 100m, 0.55m), Minute(0)).Accepted();

        exchange.OnCandle(Pair.BtcUsdt, Flat(1, 50000m)).ShouldHaveSingleItem().Fee.ShouldBe(1m); // 500 x 0.002
        exchange.OnCandle(Pair.XrpUsdt, Bar(1, 0.5m, 0.6m, 0.5m, 0.5m)).ShouldHaveSingleItem().Fee.ShouldBe(0.055m); // 55 x 0.001
    }

    [Fact]
    public void OnCandle_SameCandleTwice_NeverFillsAnOrderTwice()
    {
        var exchange = NewExchange();
        exchange.PlaceOrder(MarketOrder("m1", Pair.BtcUsdt, OrderSide.Buy, 0.01m), Minute(0)).Accepted();
        var candle = Flat(1, 50000m);

        exchange.OnCandle(Pair.BtcUsdt, candle).Count.ShouldBe(1);
        exchange.OnCandle(Pair.BtcUsdt, candle).ShouldBeEmpty();
        exchange.OnCandle(Pair.BtcUsdt, Flat(2, 50000m)).ShouldBeEmpty();

        var order = exchange.Orders.ShouldHaveSingleItem();
        order.Status.ShouldBe(OrderStatus.Filled);
        order.FilledVolume.ShouldBe(0.01m);
        order.TradeId.ShouldBe("T00000001");
        exchange.Account.Balance(Asset.BTC).ShouldBe(0.01m);
    }

    [Fact]
    public void OnCandle_EntryWithStopAndTakeProfit_PlacesProtectiveOrdersOnThePosition()
    {
        var exchange = NewExchange();
        var entry = exchange.PlaceOrder(MarketOrder("e1", Pair.BtcUsdt, OrderSide.Buy, 0.01m, stopLoss: 49000m, takeProfit: 51000m), Minute(0)).Accepted();

        exchange.OnCandle(Pair.BtcUsdt, Flat(1, 50000m)).ShouldHaveSingleItem();

        exchange.OpenOrders.Select(o => (o.Request.Type, o.Request.Side, o.Request.Price, o.Request.ReduceOnly, o.ParentOrderId, o.Request.ClientOrderId))
            .ShouldBe([
                (OrderType.StopLoss, OrderSide.Sell, (decimal?)49000m, true, entry.OrderId, "e1:sl"),
                (OrderType.TakeProfit, OrderSide.Sell, (decimal?)51000m, true, entry.OrderId, "e1:tp"),
            ]);
        var position = exchange.Snapshot(Minute(1)).PositionIn(Pair.BtcUsdt)!;
        position.StopLoss.ShouldBe(49000m);
        position.TakeProfit.ShouldBe(51000m);
    }

    [Fact]
    public void OnCandle_StopAndTakeProfitBothReachable_StopHitsFirstAndCancelsTakeProfit()
    {
        var exchange = NewExchange();
        exchange.PlaceOrder(MarketOrder("e1", Pair.BtcUsdt, OrderSide.Buy, 0.01m, stopLoss: 49000m, takeProfit: 51000m), Minute(0)).Accepted();
        exchange.OnCandle(Pair.BtcUsdt, Flat(1, 50000m));

        var fill = exchange.OnCandle(Pair.BtcUsdt, Bar(2, 50000m, 52000m, 48000m, 50000m)).ShouldHaveSingleItem();

        fill.Side.ShouldBe(OrderSide.Sell);
        fill.Price.ShouldBe(49000m);
        fill.ClientOrderId.ShouldBe("e1:sl");
        exchange.OpenOrders.ShouldBeEmpty();
        var takeProfit = exchange.Orders.Single(o => o.Request.ClientOrderId == "e1:tp");
        takeProfit.Status.ShouldBe(OrderStatus.Canceled);
        takeProfit.Reason!.ShouldContain("one-cancels-the-other");
        exchange.Account.Positions.ShouldBeEmpty();
        exchange.Account.Balance(Asset.USDT).ShouldBe(986.04m); // 1000 - 500 - 2 + 490 - 1.96
        exchange.Account.RealizedPnlUsd.ShouldBe(-10m);
    }

    [Fact]
    public void OnCandle_TakeProfitReached_ClosesPositionAndCancelsStop()
    {
        var exchange = NewExchange();
        exchange.PlaceOrder(MarketOrder("e1", Pair.BtcUsdt, OrderSide.Buy, 0.01m, stopLoss: 49000m, takeProfit: 51000m), Minute(0)).Accepted();
        exchange.OnCandle(Pair.BtcUsdt, Flat(1, 50000m));

        var fill = exchange.OnCandle(Pair.BtcUsdt, Bar(2, 50000m, 51500m, 49500m, 51200m)).ShouldHaveSingleItem();

        fill.Price.ShouldBe(51000m);
        exchange.Orders.Single(o => o.Request.ClientOrderId == "e1:sl").Status.ShouldBe(OrderStatus.Canceled);
        exchange.Account.Balance(Asset.USDT).ShouldBe(1005.96m); // 1000 - 502 + 510 - 2.04
        exchange.Account.RealizedPnlUsd.ShouldBe(10m);
    }

    [Fact]
    public void OnCandle_StopOfEntryFilledInSameCandle_TriggersInThatCandle()
    {
        var exchange = NewExchange();
        exchange.PlaceOrder(MarketOrder("e1", Pair.BtcUsdt, OrderSide.Buy, 0.01m, stopLoss: 49500m), Minute(0)).Accepted();

        var fills = exchange.OnCandle(Pair.BtcUsdt, Bar(1, 50000m, 50000m, 49000m, 49200m));

        fills.Select(f => (f.Side, f.Price)).ShouldBe([(OrderSide.Buy, 50000m), (OrderSide.Sell, 49500m)]);
        exchange.Account.Positions.ShouldBeEmpty();
    }

    [Fact]
    public void OnCandle_TakeProfitOfEntryFilledInSameCandle_WaitsForNextCandle()
    {
        var exchange = NewExchange();
        exchange.PlaceOrder(MarketOrder("e1", Pair.BtcUsdt, OrderSide.Buy, 0.01m, takeProfit: 50500m), Minute(0)).Accepted();

        exchange.OnCandle(Pair.BtcUsdt, Bar(1, 50000m, 51000m, 50000m, 50200m)).ShouldHaveSingleItem().Side.ShouldBe(OrderSide.Buy);
        var exit = exchange.OnCandle(Pair.BtcUsdt, Bar(2, 50200m, 50600m, 50100m, 50300m)).ShouldHaveSingleItem();

        exit.Price.ShouldBe(50500m);
        exchange.Account.Positions.ShouldBeEmpty();
    }

    [Fact]
    public void OnCandle_MarginShortTakeProfitBuy_RealizesGainIntoUsdt()
    {
        var exchange = NewExchange();
        exchange.PlaceOrder(MarketOrder("s1", Pair.XrpUsdt, OrderSide.Sell, 600m, leverage: 2m, stopLoss: 0.55m, takeProfit: 0.45m), Minute(0)).Accepted();
        exchange.OnCandle(Pair.XrpUsdt, Flat(1, 0.5m)).ShouldHaveSingleItem().Fee.ShouldBe(1.2m);

        var open = exchange.Snapshot(Minute(1));
        open.PositionIn(Pair.XrpUsdt)!.Side.ShouldBe(PositionSide.Short);
        open.MarginUsedUsd.ShouldBe(150m); // 600 x 0.5 / 2
        open.EquityUsd.ShouldBe(1248.8m); // 998.8 + 500 x 0.5
        open.FreeMarginUsd.ShouldBe(1098.8m);
        exchange.Account.Balance(Asset.XRP).ShouldBe(500m);

        var cover = exchange.OnCandle(Pair.XrpUsdt, Bar(2, 0.5m, 0.5m, 0.44m, 0.45m)).ShouldHaveSingleItem();

        (cover.Side, cover.Price, cover.Leverage, cover.ClientOrderId).ShouldBe((OrderSide.Buy, 0.45m, 2m, "s1:tp"));
        exchange.Account.Balance(Asset.USDT).ShouldBe(1027.72m); // 998.8 - 1.08 + 30
        exchange.Account.RealizedPnlUsd.ShouldBe(30m);
        exchange.Account.FeesPaidUsd.ShouldBe(2.28m);
        exchange.OpenOrders.ShouldBeEmpty();
    }

    [Fact]
    public void OnCandle_MarginShortStopBuyTouched_FillsAtTrigger()
    {
        var exchange = NewExchange();
        exchange.PlaceOrder(MarketOrder("s1", Pair.XrpUsdt, OrderSide.Sell, 600m, leverage: 2m, stopLoss: 0.55m, takeProfit: 0.45m), Minute(0)).Accepted();
        exchange.OnCandle(Pair.XrpUsdt, Flat(1, 0.5m));

        var stop = exchange.OnCandle(Pair.XrpUsdt, Bar(2, 0.5m, 0.56m, 0.5m, 0.53m)).ShouldHaveSingleItem();

        stop.Price.ShouldBe(0.55m);
        exchange.Account.Balance(Asset.USDT).ShouldBe(967.48m); // 998.8 - 1.32 - 30
        exchange.Account.RealizedPnlUsd.ShouldBe(-30m);
    }

    [Fact]
    public void OnCandle_MarginShortStopBuyGappedAbove_FillsAtOpen()
    {
        var exchange = NewExchange();
        exchange.PlaceOrder(MarketOrder("s1", Pair.XrpUsdt, OrderSide.Sell, 600m, leverage: 2m, stopLoss: 0.55m, takeProfit: 0.45m), Minute(0)).Accepted();
        exchange.OnCandle(Pair.XrpUsdt, Flat(1, 0.5m));

        var stop = exchange.OnCandle(Pair.XrpUsdt, Bar(2, 0.56m, 0.57m, 0.555m, 0.56m)).ShouldHaveSingleItem();

        stop.Price.ShouldBe(0.56m);
        exchange.Account.Balance(Asset.USDT).ShouldBe(961.456m); // 998.8 - 1.344 - 36
    }

    [Fact]
    public void OnCandle_MarginFlip_OpensOppositeSideAndCancelsOldProtection()
    {
        var exchange = NewExchange();
        exchange.PlaceOrder(MarketOrder("e1", Pair.BtcUsdt, OrderSide.Buy, 0.01m, leverage: 2m, stopLoss: 49000m, takeProfit: 52000m), Minute(0)).Accepted();
        exchange.OnCandle(Pair.BtcUsdt, Flat(1, 50000m));
        exchange.PlaceOrder(MarketOrder("f1", Pair.BtcUsdt, OrderSide.Sell, 0.03m, leverage: 2m), Minute(1)).Accepted();

        var flip = exchange.OnCandle(Pair.BtcUsdt, Flat(2, 51000m)).ShouldHaveSingleItem();

        flip.Volume.ShouldBe(0.03m);
        exchange.Account.MarginPositionIn(Pair.BtcUsdt).ShouldBe(new PositionState(Pair.BtcUsdt, PositionSide.Short, 0.02m, 51000m, 2m, Minute(2)));
        exchange.Account.RealizedPnlUsd.ShouldBe(10m); // (51000 - 50000) x 0.01
        exchange.OpenOrders.ShouldBeEmpty();
        exchange.Orders.Where(o => o.ParentOrderId is not null).Select(o => o.Reason)
            .ShouldAllBe(reason => reason!.Contains("flipped by order"));
    }

    [Fact]
    public void OnCandle_TradesToday_CountsTheFillsOfTheUtcDay()
    {
        var exchange = NewExchange();
        exchange.PlaceOrder(MarketOrder("e1", Pair.BtcUsdt, OrderSide.Buy, 0.001m, stopLoss: 49000m), Minute(0)).Accepted();
        exchange.PlaceOrder(MarketOrder("x1", Pair.XrpUsdt, OrderSide.Sell, 10m), Minute(0)).Accepted();

        exchange.OnCandle(Pair.BtcUsdt, Bar(1, 50000m, 50000m, 48000m, 48500m)).Count.ShouldBe(2); // entry and its stop
        exchange.OnCandle(Pair.XrpUsdt, Flat(1, 0.5m)).Count.ShouldBe(1);

        exchange.Snapshot(Minute(2)).TradesToday.ShouldBe(3);
        exchange.Snapshot(T0.Date.AddDays(1)).TradesToday.ShouldBe(0);
    }

    [Fact]
    public void PlaceOrder_XrpBtcWithoutBtcUsdtPrice_RejectsUnavailable()
    {
        var exchange = new PaperExchange(Account.CreatePaper("a", T0));
        exchange.Mark(Pair.XrpBtc, 0.00001m);

        var result = exchange.PlaceOrder(MarketOrder("x1", Pair.XrpBtc, OrderSide.Sell, 100m), Minute(0));

        result.Error!.Code.ShouldBe("EService:Unavailable");
        result.Error.Message.ShouldContain("BTC/USDT");
    }

    [Fact]
    public void OnCandle_XrpBtcFill_RecordsBtcFeeAndUsdRate()
    {
        var account = Account.CreatePaper("paper:test", T0);
        account.Deposit(Asset.BTC, 0.02m, T0, "transfer-1");
        var exchange = NewExchange(account: account);
        exchange.PlaceOrder(MarketOrder("x1", Pair.XrpBtc, OrderSide.Buy, 1000m), Minute(0)).Accepted();

        var fill = exchange.OnCandle(Pair.XrpBtc, Flat(1, 0.00001m)).ShouldHaveSingleItem();

        fill.FeeAsset.ShouldBe(Asset.BTC);
        fill.Fee.ShouldBe(0.00004m);
        fill.QuoteUsdRate.ShouldBe(50000m);
        account.Balance(Asset.BTC).ShouldBe(0.00996m);
        account.Balance(Asset.XRP).ShouldBe(1500m);
        account.FeesPaidUsd.ShouldBe(2m);
        exchange.Snapshot(Minute(1)).EquityUsd.ShouldBe(2248m); // 1000 + 1500 x 0.5 + 0.00996 x 50000
    }

    [Fact]
    public void OnCandle_FundsGoneByFillTime_CancelsWithKrakenReason()
    {
        var exchange = NewExchange();
        exchange.PlaceOrder(MarketOrder("m1", Pair.BtcUsdt, OrderSide.Buy, 0.019m), Minute(0)).Accepted(); // 950 + 3.8 at 50000

        exchange.OnCandle(Pair.BtcUsdt, Flat(1, 55000m)).ShouldBeEmpty(); // 1045 + 4.18 > 1000

        var order = exchange.Orders.ShouldHaveSingleItem();
        order.Status.ShouldBe(OrderStatus.Canceled);
        order.Reason!.ShouldStartWith("EOrder:Insufficient funds");
        exchange.Account.Balance(Asset.USDT).ShouldBe(1000m);
    }

    [Fact]
    public void OnCandle_ReduceOnlyLargerThanPosition_IsCutToThePosition()
    {
        var exchange = NewExchange();
        exchange.PlaceOrder(MarketOrder("e1", Pair.BtcUsdt, OrderSide.Buy, 0.01m, leverage: 2m), Minute(0)).Accepted();
        exchange.OnCandle(Pair.BtcUsdt, Flat(1, 50000m));

        exchange.PlaceOrder(new OrderRequest("c0", Pair.BtcUsdt, OrderSide.Sell, OrderType.Market, 0.05m, ReduceOnly: true), Minute(1))
            .Error!.Message.ShouldContain("needs an open cash long position"); // leverage 1 names the cash position
        exchange.PlaceOrder(new OrderRequest("c1", Pair.BtcUsdt, OrderSide.Sell, OrderType.Market, 0.05m, Leverage: 2m, ReduceOnly: true), Minute(1)).Accepted();
        var close = exchange.OnCandle(Pair.BtcUsdt, Flat(2, 50500m)).ShouldHaveSingleItem();

        close.Volume.ShouldBe(0.01m);
        close.Leverage.ShouldBe(2m);
        exchange.Account.Positions.ShouldBeEmpty();
    }

    [Fact]
    public void OnCandle_InconsistentCandle_ThrowsNamingTheValues()
    {
        var exchange = NewExchange();

        Should.Throw<ArgumentException>(() => exchange.OnCandle(Pair.BtcUsdt, Bar(1, 50000m, 49000m, 48000m, 48500m)))
            .Message.ShouldContain("high 49000");
    }
}
