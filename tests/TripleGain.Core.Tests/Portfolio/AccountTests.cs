using TripleGain.Core.Exchange;
using TripleGain.Core.Market;
using TripleGain.Core.Portfolio;

namespace TripleGain.Core.Tests.Portfolio;

public class AccountTests
{
    private static readonly DateTime T0 = new(2025, 1, 6, 12, 0, 0, DateTimeKind.Utc);
    private int _trades;

    private static Dictionary<Pair, decimal> Prices(decimal btc = 50000m, decimal xrp = 0.5m, decimal xrpBtc = 0.00001m) =>
        new() { [Pair.BtcUsdt] = btc, [Pair.XrpUsdt] = xrp, [Pair.XrpBtc] = xrpBtc };

    private Fill F(Pair pair, OrderSide side, decimal volume, decimal price, decimal fee = 0m, decimal leverage = 1m, decimal rate = 1m, DateTime? at = null)
    {
        var n = ++_trades;
        return new Fill($"T{n}", $"O{n}", $"c{n}", pair, side, volume, price, fee, pair.Quote, Liquidity.Taker, at ?? T0, leverage, rate);
    }

    [Fact]
    public void CreatePaper_SeedBalances_EquityValuesXrpThroughXrpUsdt()
    {
        var account = Account.CreatePaper("paper:seed", T0);

        var snapshot = account.ToSnapshot(Prices(xrp: 0.5m), T0);

        snapshot.Balance(Asset.USDT).ShouldBe(1000m);
        snapshot.Balance(Asset.XRP).ShouldBe(500m);
        snapshot.Balance(Asset.BTC).ShouldBe(0m);
        snapshot.EquityUsd.ShouldBe(1250m);
        snapshot.PeakEquityUsd.ShouldBe(1250m);
        snapshot.MarginUsedUsd.ShouldBe(0m);
        snapshot.FreeMarginUsd.ShouldBe(1250m);
        snapshot.Positions.ShouldBeEmpty();
        account.Ledger.Select(e => (e.Asset, e.Amount, e.Kind)).ShouldBe(
            [(Asset.USDT, 1000m, LedgerEntryKind.Deposit), (Asset.XRP, 500m, LedgerEntryKind.Deposit)]);
    }

    [Fact]
    public void Apply_CashBuyThenSell_MovesBalancesAndRealizesGrossPnl()
    {
        var account = Account.CreatePaper("a", T0);

        account.Apply(F(Pair.BtcUsdt, OrderSide.Buy, 0.01m, 50000m, fee: 2m));
        account.Balance(Asset.USDT).ShouldBe(498m); // 1000 - 500 - 2
        account.Balance(Asset.BTC).ShouldBe(0.01m);
        account.CashPositionIn(Pair.BtcUsdt).ShouldBe(new PositionState(Pair.BtcUsdt, PositionSide.Long, 0.01m, 50000m, 1m, T0));

        var outcome = account.Apply(F(Pair.BtcUsdt, OrderSide.Sell, 0.01m, 51000m, fee: 2.04m));

        outcome.RealizedPnl.ShouldBe(10m);
        outcome.ClosedVolume.ShouldBe(0.01m);
        outcome.PositionAfter.ShouldBeNull();
        account.Balance(Asset.USDT).ShouldBe(1005.96m); // 498 + 510 - 2.04
        account.Balance(Asset.BTC).ShouldBe(0m);
        account.RealizedPnlUsd.ShouldBe(10m);
        account.FeesPaidUsd.ShouldBe(4.04m);
        outcome.Entries.Select(e => (e.Asset, e.Amount, e.BalanceAfter, e.Kind)).ShouldBe(
        [
            (Asset.BTC, -0.01m, 0m, LedgerEntryKind.Trade),
            (Asset.USDT, 510m, 1008m, LedgerEntryKind.Trade),
            (Asset.USDT, -2.04m, 1005.96m, LedgerEntryKind.Fee),
        ]);
    }

    [Fact]
    public void Apply_IncreaseThenPartialReduce_AveragesEntryAndKeepsItOnReduce()
    {
        var account = new Account("a", new Dictionary<Asset, decimal> { [Asset.USDT] = 10000m }, T0);
        account.Apply(F(Pair.BtcUsdt, OrderSide.Buy, 0.01m, 50000m));
        account.Apply(F(Pair.BtcUsdt, OrderSide.Buy, 0.03m, 54000m));

        account.CashPositionIn(Pair.BtcUsdt)!.EntryPrice.ShouldBe(53000m); // (500 + 1620) / 0.04
        account.CashPositionIn(Pair.BtcUsdt)!.Volume.ShouldBe(0.04m);

        var outcome = account.Apply(F(Pair.BtcUsdt, OrderSide.Sell, 0.02m, 55000m));

        outcome.RealizedPnl.ShouldBe(40m); // (55000 - 53000) x 0.02
        account.CashPositionIn(Pair.BtcUsdt).ShouldBe(new PositionState(Pair.BtcUsdt, PositionSide.Long, 0.02m, 53000m, 1m, T0));
        account.Balance(Asset.USDT).ShouldBe(8980m); // 10000 - 500 - 1620 + 1100
    }

    [Fact]
    public void Apply_CashSellBeyondPosition_SellsRestFromBalanceWithoutPnl()
    {
        var account = Account.CreatePaper("a", T0);
        account.Apply(F(Pair.XrpUsdt, OrderSide.Buy, 100m, 0.4m));

        var outcome = account.Apply(F(Pair.XrpUsdt, OrderSide.Sell, 300m, 0.5m));

        outcome.ClosedVolume.ShouldBe(100m);
        outcome.RealizedPnl.ShouldBe(10m); // only the 100 bought at 0.4; the seed's XRP has no entry price
        outcome.PositionAfter.ShouldBeNull();
        account.Balance(Asset.XRP).ShouldBe(300m);
        account.Balance(Asset.USDT).ShouldBe(1110m); // 1000 - 40 + 150
    }

    [Fact]
    public void ToSnapshot_LeveragedLong_MarginUsedFreeMarginAndUnrealizedPnl()
    {
        var account = Account.CreatePaper("a", T0);
        account.Apply(F(Pair.BtcUsdt, OrderSide.Buy, 0.02m, 50000m, leverage: 2m));

        var snapshot = account.ToSnapshot(Prices(btc: 52000m, xrp: 0.5m), T0);

        account.Balance(Asset.BTC).ShouldBe(0m); // a margin position does not move the base asset
        snapshot.MarginUsedUsd.ShouldBe(500m); // 0.02 x 50000 / 2
        snapshot.UnrealizedPnlUsd.ShouldBe(40m); // (52000 - 50000) x 0.02
        snapshot.EquityUsd.ShouldBe(1290m); // 1000 + 500 x 0.5 + 40
        snapshot.FreeMarginUsd.ShouldBe(790m);
        var position = snapshot.PositionIn(Pair.BtcUsdt)!;
        position.NotionalUsd.ShouldBe(1040m);
        position.MarginUsd.ShouldBe(500m);
        position.MarkPrice.ShouldBe(52000m);
        position.Leverage.ShouldBe(2m);

        var close = account.Apply(F(Pair.BtcUsdt, OrderSide.Sell, 0.02m, 52000m, fee: 4.16m, leverage: 2m));

        close.RealizedPnl.ShouldBe(40m);
        close.Entries.Select(e => (e.Amount, e.Kind)).ShouldBe([(-4.16m, LedgerEntryKind.Fee), (40m, LedgerEntryKind.RealizedPnl)]);
        account.Balance(Asset.USDT).ShouldBe(1035.84m);
        account.ToSnapshot(Prices(btc: 52000m), T0).EquityUsd.ShouldBe(1285.84m);
    }

    [Fact]
    public void ToSnapshot_LeveragedShort_GainsWhenPriceFallsAndSettlesIntoQuote()
    {
        var account = Account.CreatePaper("a", T0);
        account.Apply(F(Pair.XrpUsdt, OrderSide.Sell, 600m, 0.5m, leverage: 3m));

        account.Balance(Asset.XRP).ShouldBe(500m); // the short borrows; the held XRP is untouched
        var snapshot = account.ToSnapshot(Prices(xrp: 0.45m), T0);
        snapshot.PositionIn(Pair.XrpUsdt)!.Side.ShouldBe(PositionSide.Short);
        snapshot.MarginUsedUsd.ShouldBe(100m); // 600 x 0.5 / 3
        snapshot.UnrealizedPnlUsd.ShouldBe(30m); // (0.5 - 0.45) x 600
        snapshot.EquityUsd.ShouldBe(1255m); // 1000 + 500 x 0.45 + 30
        snapshot.FreeMarginUsd.ShouldBe(1155m);

        var cover = account.Apply(F(Pair.XrpUsdt, OrderSide.Buy, 600m, 0.45m, leverage: 3m));

        cover.RealizedPnl.ShouldBe(30m);
        account.Balance(Asset.USDT).ShouldBe(1030m);
        account.Positions.ShouldBeEmpty();
    }

    [Fact]
    public void Apply_MarginReduceLargerThanPosition_FlipsToOppositeSideAtFillPrice()
    {
        var account = Account.CreatePaper("a", T0);
        account.Apply(F(Pair.BtcUsdt, OrderSide.Buy, 0.02m, 50000m, leverage: 2m));
        var later = T0.AddHours(1);

        var outcome = account.Apply(F(Pair.BtcUsdt, OrderSide.Sell, 0.05m, 51000m, leverage: 2m, at: later));

        outcome.ClosedVolume.ShouldBe(0.02m);
        outcome.OpenedVolume.ShouldBe(0.03m);
        outcome.RealizedPnl.ShouldBe(20m);
        account.MarginPositionIn(Pair.BtcUsdt).ShouldBe(new PositionState(Pair.BtcUsdt, PositionSide.Short, 0.03m, 51000m, 2m, later));
        account.Balance(Asset.USDT).ShouldBe(1020m);
    }

    [Fact]
    public void Apply_CashAndMarginInSamePair_AreSeparatePositions()
    {
        var account = Account.CreatePaper("a", T0);
        account.Apply(F(Pair.XrpUsdt, OrderSide.Buy, 100m, 0.4m));
        account.Apply(F(Pair.XrpUsdt, OrderSide.Sell, 600m, 0.5m, leverage: 2m));

        var cashSale = account.Apply(F(Pair.XrpUsdt, OrderSide.Sell, 50m, 0.5m));

        cashSale.RealizedPnl.ShouldBe(5m); // reduces the cash position, not the margin short
        account.CashPositionIn(Pair.XrpUsdt)!.Volume.ShouldBe(50m);
        account.MarginPositionIn(Pair.XrpUsdt)!.Volume.ShouldBe(600m);
        account.PositionFor(Pair.XrpUsdt, 2m)!.Side.ShouldBe(PositionSide.Short);
        account.Balance(Asset.XRP).ShouldBe(550m);
        account.ToSnapshot(Prices(xrp: 0.5m), T0).Positions.Select(p => (p.Side, p.Leverage)).ShouldBe(
            [(PositionSide.Long, 1m), (PositionSide.Short, 2m)]);
    }

    [Fact]
    public void Apply_MarginOpeningFee_WritesMarginLedgerEntry()
    {
        var account = new Account("a", new Dictionary<Asset, decimal> { [Asset.USDT] = 1000m }, T0, maxLeverage: 5m, marginOpeningFeeRate: 0.0002m);

        var outcome = account.Apply(F(Pair.BtcUsdt, OrderSide.Buy, 0.02m, 50000m, fee: 4m, leverage: 2m));

        outcome.Entries.Select(e => (e.Amount, e.Kind)).ShouldBe([(-4m, LedgerEntryKind.Fee), (-0.2m, LedgerEntryKind.Margin)]);
        outcome.FeeUsd.ShouldBe(4.2m);
        account.FeesPaidUsd.ShouldBe(4.2m);
        account.Balance(Asset.USDT).ShouldBe(995.8m);
    }

    [Fact]
    public void Apply_XrpBtcCrossTrade_MovesXrpAndBtcAndValuesInUsdt()
    {
        var account = Account.CreatePaper("a", T0);
        account.Deposit(Asset.BTC, 0.02m, T0, "transfer-1");

        var buy = account.Apply(F(Pair.XrpBtc, OrderSide.Buy, 1000m, 0.00001m, fee: 0.00004m, rate: 50000m));

        account.Balance(Asset.BTC).ShouldBe(0.00996m); // 0.02 - 0.01 - 0.00004
        account.Balance(Asset.XRP).ShouldBe(1500m);
        buy.FeeUsd.ShouldBe(2m); // 0.00004 BTC x 50000
        account.ToSnapshot(Prices(btc: 50000m, xrp: 0.5m), T0).EquityUsd.ShouldBe(2248m); // 1000 + 1500 x 0.5 + 0.00996 x 50000

        var sell = account.Apply(F(Pair.XrpBtc, OrderSide.Sell, 1000m, 0.000011m, fee: 0.000044m, rate: 50000m));

        sell.RealizedPnl.ShouldBe(0.001m); // BTC: (0.000011 - 0.00001) x 1000
        sell.RealizedPnlUsd.ShouldBe(50m);
        account.RealizedPnlUsd.ShouldBe(50m);
        account.Balance(Asset.BTC).ShouldBe(0.020916m); // 0.00996 + 0.011 - 0.000044
        account.Balance(Asset.XRP).ShouldBe(500m);
    }

    [Fact]
    public void ToSnapshot_XrpWithoutXrpUsdtPrice_ValuesThroughXrpBtcAndBtcUsdt()
    {
        var account = Account.CreatePaper("a", T0);
        var prices = new Dictionary<Pair, decimal> { [Pair.BtcUsdt] = 50000m, [Pair.XrpBtc] = 0.00001m };

        account.ToSnapshot(prices, T0).EquityUsd.ShouldBe(1250m); // 500 x 0.00001 x 50000 + 1000
    }

    [Fact]
    public void Apply_BaseSoldThroughOtherPair_CutsCashPositionToBalance()
    {
        var account = Account.CreatePaper("a", T0);
        account.Apply(F(Pair.XrpUsdt, OrderSide.Buy, 100m, 0.5m));
        account.CashPositionIn(Pair.XrpUsdt)!.Volume.ShouldBe(100m);

        account.Apply(F(Pair.XrpBtc, OrderSide.Sell, 550m, 0.00001m, rate: 50000m));

        account.Balance(Asset.XRP).ShouldBe(50m);
        account.CashPositionIn(Pair.XrpUsdt)!.Volume.ShouldBe(50m);
    }

    [Fact]
    public void Check_CashBuyAboveQuoteBalance_RejectsInsufficientFundsAndChangesNothing()
    {
        var account = Account.CreatePaper("a", T0);
        var before = Json.Of(account.ToState());

        var check = account.Check(F(Pair.BtcUsdt, OrderSide.Buy, 0.02m, 50000m, fee: 4m), Prices());

        check.Rejection.ShouldBe(TradeRejection.InsufficientFunds);
        check.Message.ShouldContain("1004"); // 1000 + 4 needed
        Json.Of(account.ToState()).ShouldBe(before);
        Should.Throw<InvalidOperationException>(() => account.Apply(F(Pair.BtcUsdt, OrderSide.Buy, 0.02m, 50000m, fee: 4m)))
            .Message.ShouldContain("Insufficient", Case.Insensitive);
        Json.Of(account.ToState()).ShouldBe(before);
    }

    [Fact]
    public void Check_CashSellWithoutBase_RejectsInsufficientFunds()
    {
        var account = Account.CreatePaper("a", T0);

        var check = account.Check(F(Pair.BtcUsdt, OrderSide.Sell, 0.01m, 50000m), Prices());

        check.Rejection.ShouldBe(TradeRejection.InsufficientFunds);
        check.Message.ShouldContain("Shorting needs leverage above 1");
    }

    [Fact]
    public void Check_HoldsReduceAvailableFunds()
    {
        var account = Account.CreatePaper("a", T0);
        var holds = new AccountHolds(new Dictionary<Asset, decimal> { [Asset.USDT] = 600m }, 0m);

        account.Check(F(Pair.BtcUsdt, OrderSide.Buy, 0.008m, 50000m), Prices(), holds).Rejection.ShouldBe(TradeRejection.None);
        account.Check(F(Pair.BtcUsdt, OrderSide.Buy, 0.01m, 50000m), Prices(), holds).Rejection.ShouldBe(TradeRejection.InsufficientFunds);
    }

    [Fact]
    public void Check_MarginAboveFreeMargin_RejectsInsufficientMargin()
    {
        var account = Account.CreatePaper("a", T0);

        // equity 1250; 0.05 BTC x 50000 / 2 = 1250 margin + 10 fee > 1250 free
        var tooBig = account.Check(F(Pair.BtcUsdt, OrderSide.Buy, 0.05m, 50000m, fee: 10m, leverage: 2m), Prices());
        // 0.04 BTC: 1000 margin + 8 fee <= 1250 free
        var fits = account.Check(F(Pair.BtcUsdt, OrderSide.Buy, 0.04m, 50000m, fee: 8m, leverage: 2m), Prices());

        tooBig.Rejection.ShouldBe(TradeRejection.InsufficientMargin);
        tooBig.Message.ShouldContain("needs 1250.00 USDT of margin plus fees of 10 USDT");
        fits.IsAccepted.ShouldBeTrue();
    }

    [Fact]
    public void Check_ClosingMarginPosition_NeverNeedsMargin()
    {
        var account = Account.CreatePaper("a", T0);
        account.Apply(F(Pair.BtcUsdt, OrderSide.Buy, 0.04m, 50000m, leverage: 2m));

        // at 25000 the long has lost 1000: equity 250, free margin -750; closing is still allowed
        account.Check(F(Pair.BtcUsdt, OrderSide.Sell, 0.04m, 25000m, leverage: 2m), Prices(btc: 25000m)).IsAccepted.ShouldBeTrue();
        // but flipping into a new short needs margin again
        account.Check(F(Pair.BtcUsdt, OrderSide.Sell, 0.08m, 25000m, leverage: 2m), Prices(btc: 25000m)).Rejection.ShouldBe(TradeRejection.InsufficientMargin);
    }

    [Fact]
    public void Check_LeverageRules_RejectAboveMaximumFractionalAndMismatch()
    {
        var account = Account.CreatePaper("a", T0, maxLeverage: 3m);

        account.Check(F(Pair.BtcUsdt, OrderSide.Buy, 0.001m, 50000m, leverage: 4m), Prices()).Rejection.ShouldBe(TradeRejection.InvalidLeverage);
        account.Check(F(Pair.BtcUsdt, OrderSide.Buy, 0.001m, 50000m, leverage: 1.5m), Prices()).Rejection.ShouldBe(TradeRejection.InvalidLeverage);

        account.Apply(F(Pair.BtcUsdt, OrderSide.Buy, 0.001m, 50000m, leverage: 2m));
        var mismatch = account.Check(F(Pair.BtcUsdt, OrderSide.Buy, 0.001m, 50000m, leverage: 3m), Prices());

        mismatch.Rejection.ShouldBe(TradeRejection.LeverageMismatch);
        mismatch.Message.ShouldContain("has leverage 2");
        account.Check(F(Pair.BtcUsdt, OrderSide.Sell, 0.001m, 50000m, leverage: 3m), Prices()).Rejection.ShouldBe(TradeRejection.LeverageMismatch);
        Should.Throw<InvalidOperationException>(() => account.Apply(F(Pair.BtcUsdt, OrderSide.Buy, 0.001m, 50000m, leverage: 3m)))
            .Message.ShouldContain("LeverageMismatch");
    }

    [Fact]
    public void Check_MissingPriceForMarginValuation_RejectsPriceUnavailable()
    {
        var account = Account.CreatePaper("a", T0);

        var check = account.Check(
            F(Pair.BtcUsdt, OrderSide.Buy, 0.001m, 50000m, leverage: 2m),
            new Dictionary<Pair, decimal> { [Pair.BtcUsdt] = 50000m });

        check.Rejection.ShouldBe(TradeRejection.PriceUnavailable);
        check.Message.ShouldContain("XRP");
    }

    [Fact]
    public void TradesOn_CountsFillsOfTheUtcDayOfNow()
    {
        var account = new Account("a", new Dictionary<Asset, decimal> { [Asset.USDT] = 10000m }, T0);
        var day1 = new DateTime(2025, 1, 6, 23, 59, 0, DateTimeKind.Utc);
        var day2 = new DateTime(2025, 1, 7, 0, 1, 0, DateTimeKind.Utc);

        account.Apply(F(Pair.BtcUsdt, OrderSide.Buy, 0.001m, 50000m, at: day1));
        account.Apply(F(Pair.BtcUsdt, OrderSide.Buy, 0.001m, 50000m, at: day1));

        account.TradesOn(day1).ShouldBe(2);
        account.TradesOn(day2).ShouldBe(0);
        account.ToSnapshot(Prices(), day2).TradesToday.ShouldBe(0);

        account.Apply(F(Pair.BtcUsdt, OrderSide.Sell, 0.001m, 50000m, at: day2));

        account.ToSnapshot(Prices(), day2).TradesToday.ShouldBe(1);
    }

    [Fact]
    public void ToSnapshot_PeakEquity_KeepsHighestAndDrawdownFollows()
    {
        var account = Account.CreatePaper("a", T0);

        account.ToSnapshot(Prices(xrp: 1m), T0).PeakEquityUsd.ShouldBe(1500m);
        var lower = account.ToSnapshot(Prices(xrp: 0.4m), T0.AddMinutes(1));

        lower.EquityUsd.ShouldBe(1200m);
        lower.PeakEquityUsd.ShouldBe(1500m);
        lower.DrawdownPct.ShouldBe(20m);
        account.PeakEquityUsd.ShouldBe(1500m);
    }

    [Fact]
    public void ToSnapshot_CashPositionUnrealized_IsReportedButNotAddedToEquityTwice()
    {
        var account = Account.CreatePaper("a", T0);
        account.Apply(F(Pair.BtcUsdt, OrderSide.Buy, 0.01m, 50000m));

        var snapshot = account.ToSnapshot(Prices(btc: 51000m), T0);

        snapshot.UnrealizedPnlUsd.ShouldBe(10m);
        snapshot.EquityUsd.ShouldBe(1260m); // 500 USDT + 0.01 x 51000 + 500 x 0.5
        snapshot.MarginUsedUsd.ShouldBe(0m);
        snapshot.PositionIn(Pair.BtcUsdt)!.MarginUsd.ShouldBe(0m);
    }

    [Fact]
    public void ToSnapshot_MissingPriceOfPositionPair_ThrowsNamingThePair()
    {
        var account = Account.CreatePaper("a", T0);
        account.Apply(F(Pair.XrpUsdt, OrderSide.Sell, 100m, 0.5m, leverage: 2m));

        Should.Throw<InvalidOperationException>(() => account.ToSnapshot(new Dictionary<Pair, decimal> { [Pair.XrpBtc] = 0.00001m, [Pair.BtcUsdt] = 50000m }, T0))
            .Message.ShouldContain("XRP/USDT");
    }

    [Fact]
    public void BalancesFrom_ReplayingTheLedger_ReproducesBalancesAndRunningBalances()
    {
        var account = Account.CreatePaper("a", T0);
        account.Deposit(Asset.BTC, 0.02m, T0, "transfer-1");
        account.Apply(F(Pair.BtcUsdt, OrderSide.Buy, 0.01m, 50000m, fee: 2m));
        account.Apply(F(Pair.XrpBtc, OrderSide.Buy, 1000m, 0.00001m, fee: 0.00004m, rate: 50000m));
        account.Apply(F(Pair.XrpUsdt, OrderSide.Sell, 600m, 0.5m, fee: 1.2m, leverage: 2m));
        account.Apply(F(Pair.XrpUsdt, OrderSide.Buy, 600m, 0.55m, fee: 1.32m, leverage: 2m));
        account.Apply(F(Pair.BtcUsdt, OrderSide.Sell, 0.015m, 49000m, fee: 2.94m));

        Account.BalancesFrom(account.Ledger).ShouldBe(account.Balances, ignoreOrder: true);
        var running = new Dictionary<Asset, decimal>();
        foreach (var entry in account.Ledger)
        {
            running[entry.Asset] = running.GetValueOrDefault(entry.Asset) + entry.Amount;
            entry.BalanceAfter.ShouldBe(running[entry.Asset], $"entry {entry.Id}");
        }

        account.Ledger.Select(e => e.Id).ShouldBeUnique();
        account.Balance(Asset.USDT).ShouldBe(1197.54m); // 1000 - 500 - 2 - 1.2 - 30 - 1.32 + 735 - 2.94
    }

    [Fact]
    public void Apply_SameDepositsAndFillsOnNewAccount_ReproduceTheState()
    {
        var fills = new[]
        {
            F(Pair.BtcUsdt, OrderSide.Buy, 0.01m, 50000m, fee: 2m),
            F(Pair.XrpUsdt, OrderSide.Sell, 600m, 0.5m, fee: 1.2m, leverage: 2m, at: T0.AddMinutes(5)),
            F(Pair.XrpBtc, OrderSide.Sell, 200m, 0.00001m, fee: 0.000008m, rate: 50000m, at: T0.AddMinutes(6)),
            F(Pair.BtcUsdt, OrderSide.Buy, 0.005m, 52000m, fee: 1.04m, at: T0.AddMinutes(7)),
        };
        var original = Account.CreatePaper("a", T0);
        foreach (var fill in fills)
        {
            original.Apply(fill);
        }

        var replayed = Account.CreatePaper("a", T0);
        foreach (var fill in fills)
        {
            replayed.Apply(fill);
        }

        Json.Of(replayed.ToState()).ShouldBe(Json.Of(original.ToState()));
        Json.Of(replayed.Ledger).ShouldBe(Json.Of(original.Ledger));
    }

    [Fact]
    public void FromState_AfterJsonRoundTrip_GivesIdenticalSnapshotAndContinuesLedger()
    {
        var account = Account.CreatePaper("paper:x", T0, maxLeverage: 3m);
        account.Deposit(Asset.BTC, 0.02m, T0, "transfer-1");
        account.Apply(F(Pair.BtcUsdt, OrderSide.Buy, 0.01m, 50000m, fee: 2m));
        account.Apply(F(Pair.XrpUsdt, OrderSide.Sell, 600m, 0.5m, fee: 1.2m, leverage: 3m));
        account.SetProtection(Pair.XrpUsdt, margin: true, 0.55m, 0.45m).ShouldBeTrue();
        account.ToSnapshot(Prices(xrp: 0.4m), T0); // sets the peak

        var json = Json.Of(account.ToState());
        var restored = Account.FromState(Json.Read<AccountState>(json));

        Json.Of(restored.ToState()).ShouldBe(json);
        var now = T0.AddMinutes(1);
        Json.Of(restored.ToSnapshot(Prices(xrp: 0.45m), now)).ShouldBe(Json.Of(account.ToSnapshot(Prices(xrp: 0.45m), now)));
        restored.MarginPositionIn(Pair.XrpUsdt)!.StopLoss.ShouldBe(0.55m);

        var entry = restored.Deposit(Asset.USDT, 1m, now, "transfer-2");
        entry.Id.ShouldBe($"L{account.Ledger.Count + 1:D9}");
    }

    [Fact]
    public void FromState_InvalidState_ThrowsNamingTheProblem()
    {
        var state = Account.CreatePaper("a", T0).ToState();
        var position = new PositionState(Pair.BtcUsdt, PositionSide.Long, 0.01m, 50000m, 1m, T0);

        Should.Throw<ArgumentException>(() => Account.FromState(state with { Positions = [position, position] }))
            .Message.ShouldContain("two cash positions in BTC/USDT");
        Account.FromState(state with { Positions = [position, position with { Leverage = 2m, Side = PositionSide.Short }] }).Positions.Count.ShouldBe(2);
        Should.Throw<ArgumentException>(() => Account.FromState(state with { Positions = [position with { Side = PositionSide.Short }] }))
            .Message.ShouldContain("must be long");
        Should.Throw<ArgumentException>(() => Account.FromState(state with { AccountId = " " }));
        Should.Throw<ArgumentOutOfRangeException>(() => Account.FromState(state with { MaxLeverage = 2.5m }));
    }

    [Fact]
    public void DepositAndApply_BadInput_ThrowWithTheValue()
    {
        var account = Account.CreatePaper("a", T0);

        Should.Throw<ArgumentOutOfRangeException>(() => account.Deposit(Asset.USDT, -5m, T0, "x")).Message.ShouldContain("-5");
        Should.Throw<ArgumentException>(() => account.Apply(F(Pair.BtcUsdt, OrderSide.Buy, 0m, 50000m))).Message.ShouldContain("volume 0");
        Should.Throw<ArgumentException>(() => account.Apply(F(Pair.BtcUsdt, OrderSide.Buy, 0.01m, 50000m) with { FeeAsset = Asset.BTC }))
            .Message.ShouldContain("quote asset USDT");
        Should.Throw<ArgumentOutOfRangeException>(() => new Account("a", new Dictionary<Asset, decimal>(), T0, maxLeverage: 0m));
        account.Ledger.Count.ShouldBe(2);
    }

    [Fact]
    public void SetProtection_WithoutPosition_ReturnsFalse() =>
        Account.CreatePaper("a", T0).SetProtection(Pair.BtcUsdt, margin: false, 1m, 2m).ShouldBeFalse();
}
