using TripleGain.Core.Exchange;
using TripleGain.Core.Market;
using TripleGain.Core.Portfolio;
using static TripleGain.Core.Tests.Exchange.Scenario;

namespace TripleGain.Core.Tests.Exchange;

public class PaperExchangeRejectionTests
{
    private static ExchangeError Rejected(PaperExchange exchange, OrderRequest request)
    {
        var before = exchange.Observable();
        var result = exchange.PlaceOrder(request, Minute(0));
        result.IsAccepted.ShouldBeFalse();
        result.Order.ShouldBeNull();
        exchange.Observable().ShouldBe(before, "a rejected order must change nothing");
        return result.Error!;
    }

    [Fact]
    public void PlaceOrder_CashBuyAboveBalance_RejectsInsufficientFunds()
    {
        var error = Rejected(NewExchange(), MarketOrder("b1", Pair.BtcUsdt, OrderSide.Buy, 0.02m)); // 1000 + 4 fee > 1000

        error.Code.ShouldBe("EOrder:Insufficient funds");
        error.Message.ShouldContain("available USDT is 1000");
    }

    [Fact]
    public void PlaceOrder_CashSellWithoutBase_RejectsInsufficientFunds() =>
        Rejected(NewExchange(), MarketOrder("s1", Pair.BtcUsdt, OrderSide.Sell, 0.01m)).Code.ShouldBe("EOrder:Insufficient funds");

    [Fact]
    public void PlaceOrder_FundsHeldByOpenOrder_RejectsSecondOrder()
    {
        var exchange = NewExchange();
        exchange.PlaceOrder(LimitOrder("l1", Pair.BtcUsdt, OrderSide.Buy, 0.012m, 49000m), Minute(0)).Accepted(); // holds 588 x 1.004

        var error = Rejected(exchange, LimitOrder("l2", Pair.BtcUsdt, OrderSide.Buy, 0.01m, 49000m)); // 491.225 > 409.648

        error.Code.ShouldBe("EOrder:Insufficient funds");
        error.Message.ShouldContain("held by open orders 590.352");
    }

    [Fact]
    public void PlaceOrder_VolumeBelowMinimum_RejectsOrderMinimumNotMet()
    {
        var error = Rejected(NewExchange(), MarketOrder("b1", Pair.BtcUsdt, OrderSide.Buy, 0.00004m));

        error.Code.ShouldBe("EOrder:Order minimum not met");
        error.Message.ShouldContain("minimum order of 0.00005 BTC");
    }

    [Fact]
    public void PlaceOrder_CostBelowMinimum_RejectsCostMinimumNotMet()
    {
        var error = Rejected(NewExchange(), LimitOrder("b1", Pair.XrpUsdt, OrderSide.Buy, 2m, 0.2m)); // 0.4 USDT < 0.5

        error.Code.ShouldBe("EOrder:Cost minimum not met");
        error.Message.ShouldContain("minimum cost of 0.5 USDT");
    }

    [Fact]
    public void PlaceOrder_PriceWithTooManyDecimals_RejectsWithKrakensPrecisionWording()
    {
        Rejected(NewExchange(), LimitOrder("b1", Pair.BtcUsdt, OrderSide.Buy, 0.001m, 49000.05m)).Code
            .ShouldBe("EOrder:Invalid price:XBTUSDT price can only be specified up to 1 decimals.");
        Rejected(NewExchange(), LimitOrder("b2", Pair.XrpBtc, OrderSide.Buy, 10m, 0.000010001m)).Code
            .ShouldBe("EOrder:Invalid price:XXRPXXBT price can only be specified up to 8 decimals.");
        Rejected(NewExchange(), MarketOrder("b3", Pair.BtcUsdt, OrderSide.Buy, 0.001m, stopLoss: 49000.01m)).Code
            .ShouldBe("EOrder:Invalid price:XBTUSDT price can only be specified up to 1 decimals.");
    }

    [Fact]
    public void PlaceOrder_MissingOrBadArguments_RejectsInvalidArgumentsNamingTheParameter()
    {
        Rejected(NewExchange(), new OrderRequest("l1", Pair.BtcUsdt, OrderSide.Buy, OrderType.Limit, 0.001m)).Code
            .ShouldBe("EGeneral:Invalid arguments:price");
        Rejected(NewExchange(), new OrderRequest("s1", Pair.BtcUsdt, OrderSide.Sell, OrderType.StopLoss, 0.001m, -1m)).Code
            .ShouldBe("EGeneral:Invalid arguments:price");
        Rejected(NewExchange(), MarketOrder("v1", Pair.BtcUsdt, OrderSide.Buy, 0.123456789m)).Code
            .ShouldBe("EGeneral:Invalid arguments:volume");
        Rejected(NewExchange(), MarketOrder("v2", Pair.BtcUsdt, OrderSide.Buy, 0m)).Code
            .ShouldBe("EGeneral:Invalid arguments:volume");
        Rejected(NewExchange(), MarketOrder("sl", Pair.BtcUsdt, OrderSide.Buy, 0.001m, stopLoss: 51000m, takeProfit: 49000m)).Code
            .ShouldBe("EGeneral:Invalid arguments:price");
        Rejected(NewExchange(), MarketOrder(" ", Pair.BtcUsdt, OrderSide.Buy, 0.001m)).Code
            .ShouldBe("EGeneral:Invalid arguments:cl_ord_id");
    }

    [Fact]
    public void PlaceOrder_LeverageAboveMaximumOrFractional_RejectsInvalidLeverage()
    {
        var error = Rejected(NewExchange(), MarketOrder("b1", Pair.BtcUsdt, OrderSide.Buy, 0.001m, leverage: 6m));
        error.Code.ShouldBe("EGeneral:Invalid arguments:leverage");
        error.Message.ShouldContain("pair maximum 5");

        Rejected(NewExchange(), MarketOrder("b2", Pair.BtcUsdt, OrderSide.Buy, 0.001m, leverage: 1.5m)).Code.ShouldBe("EGeneral:Invalid arguments:leverage");

        var limited = NewExchange(account: Account.CreatePaper("a", T0, maxLeverage: 2m));
        Rejected(limited, MarketOrder("b3", Pair.BtcUsdt, OrderSide.Buy, 0.001m, leverage: 3m)).Message.ShouldContain("account maximum 2");
    }

    [Fact]
    public void PlaceOrder_MarginAboveFreeMargin_RejectsInsufficientMargin()
    {
        var exchange = NewExchange();

        Rejected(exchange, MarketOrder("b1", Pair.BtcUsdt, OrderSide.Buy, 0.05m, leverage: 2m)).Code.ShouldBe("EOrder:Insufficient margin");
        exchange.PlaceOrder(MarketOrder("b2", Pair.BtcUsdt, OrderSide.Buy, 0.04m, leverage: 2m), Minute(0)).IsAccepted.ShouldBeTrue();
        // alone this short fits (500 margin + 4 fee of 1250 free), but the open order holds 1000 + 8 USDT of margin
        exchange.Account.Check(
            new Fill("probe", "p", "p", Pair.XrpUsdt, OrderSide.Sell, 2000m, 0.5m, 4m, Asset.USDT, Liquidity.Taker, T0, 2m),
            exchange.Marks).IsAccepted.ShouldBeTrue();
        Rejected(exchange, MarketOrder("b3", Pair.XrpUsdt, OrderSide.Sell, 2000m, leverage: 2m)).Message.ShouldContain("held by open orders 1008");
    }

    [Fact]
    public void PlaceOrder_LeverageDifferentFromOpenPosition_RejectsInvalidLeverage()
    {
        var exchange = NewExchange();
        exchange.PlaceOrder(MarketOrder("b1", Pair.BtcUsdt, OrderSide.Buy, 0.001m, leverage: 2m), Minute(0)).Accepted();
        exchange.OnCandle(Pair.BtcUsdt, Flat(1, 50000m));

        exchange.PlaceOrder(MarketOrder("cash", Pair.BtcUsdt, OrderSide.Buy, 0.001m), Minute(1)).IsAccepted.ShouldBeTrue(); // the cash position is separate
        var error = Rejected(exchange, MarketOrder("b2", Pair.BtcUsdt, OrderSide.Buy, 0.001m, leverage: 3m));

        error.Code.ShouldBe("EGeneral:Invalid arguments:leverage");
        error.Message.ShouldContain("has leverage 2");
    }

    [Fact]
    public void PlaceOrder_ReduceOnlyWithoutOppositePosition_Rejects() =>
        Rejected(NewExchange(), new OrderRequest("r1", Pair.BtcUsdt, OrderSide.Sell, OrderType.Market, 0.001m, ReduceOnly: true)).Code
            .ShouldBe("EGeneral:Invalid arguments:reduce_only");

    [Fact]
    public void PlaceOrder_PairOutsideCatalog_RejectsUnknownAssetPair()
    {
        var catalog = new PairCatalog([PairCatalog.Kraken[Pair.BtcUsdt]]);

        Rejected(NewExchange(catalog: catalog), MarketOrder("x1", Pair.XrpBtc, OrderSide.Buy, 10m)).Code.ShouldBe("EQuery:Unknown asset pair");
    }

    [Fact]
    public void PlaceOrder_NoPriceYet_RejectsUnavailableAndAllowsRetryWithSameId()
    {
        var exchange = new PaperExchange(Account.CreatePaper("a", T0));
        var request = MarketOrder("b1", Pair.BtcUsdt, OrderSide.Buy, 0.001m);

        var first = exchange.PlaceOrder(request, Minute(0));
        first.Error!.Code.ShouldBe("EService:Unavailable");
        first.Error.IsRetryable.ShouldBeTrue();

        exchange.Mark(Pair.BtcUsdt, 50000m);
        exchange.Mark(Pair.XrpUsdt, 0.5m);

        exchange.PlaceOrder(request, Minute(0)).IsAccepted.ShouldBeTrue();
    }

    [Fact]
    public void Cancel_OpenOrder_CancelsItAndItNeverFills()
    {
        var exchange = NewExchange();
        var order = exchange.PlaceOrder(LimitOrder("l1", Pair.BtcUsdt, OrderSide.Buy, 0.01m, 49000m), Minute(0)).Accepted();

        var canceled = exchange.Cancel(order.OrderId, Minute(0)).Accepted();

        canceled.Status.ShouldBe(OrderStatus.Canceled);
        canceled.ClosedAt.ShouldBe(Minute(0));
        exchange.OpenOrders.ShouldBeEmpty();
        exchange.OnCandle(Pair.BtcUsdt, Bar(1, 48000m, 48000m, 47000m, 47500m)).ShouldBeEmpty();
    }

    [Fact]
    public void Cancel_UnknownFilledOrAlreadyCanceled_RejectsUnknownOrder()
    {
        var exchange = NewExchange();
        var limit = exchange.PlaceOrder(LimitOrder("l1", Pair.BtcUsdt, OrderSide.Buy, 0.001m, 49000m), Minute(0)).Accepted();
        var market = exchange.PlaceOrder(MarketOrder("m1", Pair.BtcUsdt, OrderSide.Buy, 0.001m), Minute(0)).Accepted();
        exchange.OnCandle(Pair.BtcUsdt, Flat(1, 50000m));
        exchange.Cancel(limit.OrderId, Minute(1)).IsAccepted.ShouldBeTrue();

        exchange.Cancel("O99999999", Minute(1)).Error!.Code.ShouldBe("EOrder:Unknown order");
        exchange.Cancel(market.OrderId, Minute(1)).Error!.Code.ShouldBe("EOrder:Unknown order");
        exchange.Cancel(limit.OrderId, Minute(1)).Error!.Code.ShouldBe("EOrder:Unknown order");
    }

    [Fact]
    public void PlaceOrder_SameClientOrderIdTwice_ReturnsOriginalAndCreatesOneOrder()
    {
        var exchange = NewExchange();
        var first = exchange.PlaceOrder(MarketOrder("same", Pair.BtcUsdt, OrderSide.Buy, 0.01m), Minute(0));

        var second = exchange.PlaceOrder(MarketOrder("same", Pair.BtcUsdt, OrderSide.Buy, 0.015m), Minute(0));

        second.ShouldBe(first);
        exchange.OpenOrders.ShouldHaveSingleItem();
        exchange.OnCandle(Pair.BtcUsdt, Flat(1, 50000m)).ShouldHaveSingleItem().Volume.ShouldBe(0.01m);
        exchange.PlaceOrder(MarketOrder("same", Pair.BtcUsdt, OrderSide.Buy, 0.01m), Minute(1)).ShouldBe(first);
        exchange.OpenOrders.ShouldBeEmpty();
        exchange.Account.Balance(Asset.BTC).ShouldBe(0.01m);
    }

    [Fact]
    public void PlaceOrder_SameClientOrderIdAfterRejection_ReturnsTheRejection()
    {
        var exchange = NewExchange();
        var first = exchange.PlaceOrder(MarketOrder("big", Pair.BtcUsdt, OrderSide.Buy, 1m), Minute(0));

        var retry = exchange.PlaceOrder(MarketOrder("big", Pair.BtcUsdt, OrderSide.Buy, 0.001m), Minute(0));

        retry.ShouldBe(first);
        retry.Error!.Code.ShouldBe("EOrder:Insufficient funds");
        exchange.Orders.ShouldBeEmpty();
    }
}
