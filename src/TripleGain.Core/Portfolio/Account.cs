using TripleGain.Core.Exchange;
using TripleGain.Core.Market;

namespace TripleGain.Core.Portfolio;

/// <summary>
/// A trading account: multi-asset balances (USDT, BTC, XRP), at most one cash and one margin position per pair, a ledger of every
/// balance change, realized P&amp;L, fees, peak equity and the fills of the current UTC day. Not thread-safe: one owner
/// (a grain, a backtest) applies fills in order. The model, kept deliberately simple:
/// <list type="bullet">
/// <item><b>Valuation.</b> Everything is reported in USDT: BTC through BTC/USDT, XRP through XRP/USDT (or XRP/BTC x
/// BTC/USDT). Equity = the balances valued in USDT + the unrealized P&amp;L of the margin positions. Cash positions'
/// gains are already inside the balances and are not added again.</item>
/// <item><b>Cash trades</b> (leverage 1) move balances: a buy spends quote (cost + fee) and receives base, a sell
/// gives base and receives quote minus the fee; a cash sell needs the base asset (no short without margin). Cash buys
/// are also tracked as a long cash position per pair (volume, average entry) so that the pair shows as held, can carry a
/// stop-loss and take-profit, and its sells realize P&amp;L = (price - average entry) x volume. Base sold beyond the
/// pair's position (for example the seed's 500 XRP, which were never bought) realizes nothing. When a base balance
/// falls below the cash positions tracked in it (XRP bought on XRP/USDT and sold on XRP/BTC, BTC spent on an XRP/BTC
/// buy), those positions are cut down to the balance without realizing P&amp;L; equity stays exact.</item>
/// <item><b>Margin trades</b> (leverage 2 up to <see cref="MaxLeverage"/>, whole numbers as at Kraken) open long or
/// short positions without moving the base asset. Margin used = entry cost / leverage, in USDT; free margin = equity -
/// margin used. Opening or increasing needs free margin (minus what resting orders hold) of at least the new margin
/// plus the fee, checked by <see cref="Check"/>. Fees and the optional opening fee (<see cref="MarginOpeningFeeRate"/>,
/// ledger kind Margin) are paid from the quote balance; on reduce or close the P&amp;L is settled into the quote
/// balance (kind RealizedPnl). A quote balance may go negative through margin losses or fees (a debt, valued at market).
/// Closing is never refused for lack of margin. No rollover fees and no liquidation are modelled.</item>
/// <item><b>Position arithmetic.</b> Increasing: volume-weighted average entry. Reducing: the entry stays, P&amp;L is
/// realized on the reduced volume. A margin fill larger than the opposite position closes it and opens the remainder on
/// the other side (a flip) at the fill price, if the margin allows; a cash sell larger than the cash position closes it
/// and sells the rest from the balance. Cash and margin positions in the same pair are separate (as at Kraken: holding
/// XRP and shorting XRP/USDT on margin at once is allowed); a fill's leverage says which one it acts on (1: the cash
/// position, above 1: the margin position). A margin fill must have the margin position's leverage (otherwise
/// <see cref="TradeRejection.LeverageMismatch"/>).</item>
/// <item><b>P&amp;L and counters.</b> Realized P&amp;L is gross of fees (fees are summed in <see cref="FeesPaidUsd"/>),
/// converted to USDT at the fill's <see cref="Fill.QuoteUsdRate"/>. The snapshot's unrealized P&amp;L covers all
/// positions, cash positions included. Peak equity is updated whenever a snapshot is taken. Trades today counts fills
/// on the UTC day of the snapshot time.</item>
/// </list>
/// Restore with <see cref="ToState"/> / <see cref="FromState"/>; the balances are the sum of the ledger
/// (<see cref="BalancesFrom"/>), and applying the same deposits and fills to a new account reproduces the state.
/// </summary>
public sealed class Account
{
    public const decimal DefaultMaxLeverage = 5m;

    private readonly Dictionary<Asset, decimal> _balances = [];
    private readonly Dictionary<(Pair Pair, bool Margin), PositionState> _positions = [];
    private readonly List<LedgerEntry> _ledger = [];
    private long _ledgerSequence;
    private DateOnly? _tradeDay;
    private int _tradesOnTradeDay;

    /// <summary>Opens an account whose starting balances are written to the ledger as deposits at <paramref name="openedAt"/>.</summary>
    public Account(
        string id,
        IReadOnlyDictionary<Asset, decimal> deposits,
        DateTime openedAt,
        decimal maxLeverage = DefaultMaxLeverage,
        decimal marginOpeningFeeRate = 0m)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(deposits);
        ValidateSettings(maxLeverage, marginOpeningFeeRate);
        Id = id;
        MaxLeverage = maxLeverage;
        MarginOpeningFeeRate = marginOpeningFeeRate;
        foreach (var asset in Enum.GetValues<Asset>())
        {
            _balances[asset] = 0m;
        }

        foreach (var (asset, amount) in deposits.OrderBy(d => d.Key))
        {
            if (amount != 0m)
            {
                Deposit(asset, amount, openedAt, "initial");
            }
        }
    }

    private Account(AccountState state)
    {
        Id = state.AccountId;
        MaxLeverage = state.MaxLeverage;
        MarginOpeningFeeRate = state.MarginOpeningFeeRate;
        foreach (var asset in Enum.GetValues<Asset>())
        {
            _balances[asset] = state.Balances.TryGetValue(asset, out var amount) ? amount : 0m;
        }

        foreach (var position in state.Positions)
        {
            _positions[KeyOf(position)] = position;
        }

        PeakEquityUsd = state.PeakEquityUsd;
        RealizedPnlUsd = state.RealizedPnlUsd;
        FeesPaidUsd = state.FeesPaidUsd;
        _tradeDay = state.TradeDay;
        _tradesOnTradeDay = state.TradesOnTradeDay;
        _ledgerSequence = state.LedgerSequence;
    }

    /// <summary>The seed's paper account: 1,000 USDT and 500 XRP.</summary>
    public static IReadOnlyDictionary<Asset, decimal> PaperSeedBalances { get; } =
        new Dictionary<Asset, decimal> { [Asset.USDT] = 1000m, [Asset.XRP] = 500m };

    /// <summary>An account with the seed's paper balances (<see cref="PaperSeedBalances"/>).</summary>
    public static Account CreatePaper(string id, DateTime openedAt, decimal maxLeverage = DefaultMaxLeverage) =>
        new(id, PaperSeedBalances, openedAt, maxLeverage);

    public string Id { get; }

    /// <summary>The highest leverage this account accepts (whole number, at least 1).</summary>
    public decimal MaxLeverage { get; }

    /// <summary>Fraction of a margin position's opened cost charged when it is opened or increased (Kraken charges 0.01-0.02%); 0 by default.</summary>
    public decimal MarginOpeningFeeRate { get; }

    public IReadOnlyDictionary<Asset, decimal> Balances => _balances;

    /// <summary>Open positions, in the order of <see cref="Pair.All"/>.</summary>
    public IReadOnlyList<PositionState> Positions =>
        [.. _positions.Values.OrderBy(p => PairOrder(p.Pair)).ThenBy(p => p.IsMargin)];

    /// <summary>Ledger entries written since the account was created or restored, oldest first.</summary>
    public IReadOnlyList<LedgerEntry> Ledger => _ledger;

    public decimal PeakEquityUsd { get; private set; }

    /// <summary>Realized P&amp;L in USDT since the account was opened, gross of fees.</summary>
    public decimal RealizedPnlUsd { get; private set; }

    /// <summary>Trading and margin fees paid, in USDT at the time of each fill.</summary>
    public decimal FeesPaidUsd { get; private set; }

    public decimal Balance(Asset asset) => _balances.TryGetValue(asset, out var amount) ? amount : 0m;

    /// <summary>The cash (leverage 1) position in <paramref name="pair"/>, if any.</summary>
    public PositionState? CashPositionIn(Pair pair) => _positions.GetValueOrDefault((pair, false));

    /// <summary>The margin position in <paramref name="pair"/>, if any.</summary>
    public PositionState? MarginPositionIn(Pair pair) => _positions.GetValueOrDefault((pair, true));

    /// <summary>The position a trade with <paramref name="leverage"/> acts on: the margin position above 1, the cash position at 1.</summary>
    public PositionState? PositionFor(Pair pair, decimal leverage) => _positions.GetValueOrDefault((pair, leverage > 1m));

    /// <summary>Fills on the UTC day of <paramref name="now"/>.</summary>
    public int TradesOn(DateTime now) => _tradeDay == DateOnly.FromDateTime(now) ? _tradesOnTradeDay : 0;

    /// <summary>Pays <paramref name="amount"/> (positive) of <paramref name="asset"/> in.</summary>
    public LedgerEntry Deposit(Asset asset, decimal amount, DateTime at, string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        if (amount <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"A deposit of {asset} must be positive; got {amount}.");
        }

        return Post(asset, amount, LedgerEntryKind.Deposit, at, reference);
    }

    /// <summary>
    /// Whether the account can take <paramref name="fill"/> now: leverage, cash funds (balance minus
    /// <paramref name="holds"/>) and, for a fill that opens or increases a margin position, free margin after the fill
    /// at <paramref name="prices"/> (the fill's pair marked at the fill price). Changes nothing.
    /// </summary>
    public TradeCheck Check(Fill fill, IReadOnlyDictionary<Pair, decimal> prices, AccountHolds? holds = null)
    {
        ValidateFill(fill);
        ArgumentNullException.ThrowIfNull(prices);
        holds ??= AccountHolds.None;
        var structural = CheckStructure(fill, holds);
        if (!structural.IsAccepted || !fill.IsMargin)
        {
            return structural;
        }

        var position = PositionFor(fill.Pair, fill.Leverage);
        var opening = position is null || position.Side == SideOf(fill.Side)
            ? fill.Volume
            : Math.Max(0m, fill.Volume - position.Volume);
        if (opening == 0m)
        {
            return TradeCheck.Accepted;
        }

        var marks = new Dictionary<Pair, decimal>(prices) { [fill.Pair] = fill.Price };
        if (!TryMeasure(marks, out var before, out var missing))
        {
            return TradeCheck.Reject(TradeRejection.PriceUnavailable, missing);
        }

        var scratch = FromState(ToState());
        scratch.Apply(fill);
        if (!scratch.TryMeasure(marks, out var after, out missing))
        {
            return TradeCheck.Reject(TradeRejection.PriceUnavailable, missing);
        }

        var freeAfter = after.EquityUsd - after.MarginUsedUsd;
        if (freeAfter < holds.MarginUsd)
        {
            var rate = Valuation.TryUsdRate(fill.Pair.Quote, marks, out var quoteRate) ? quoteRate : fill.QuoteUsdRate;
            var needed = opening * fill.Price * rate / fill.Leverage;
            return TradeCheck.Reject(
                TradeRejection.InsufficientMargin,
                $"{fill.Side} {opening} {fill.Pair} at {fill.Price} with leverage {fill.Leverage} needs {needed} USDT of margin "
                + $"plus fees of {fill.Fee * rate} USDT; free margin is {before.EquityUsd - before.MarginUsedUsd} USDT "
                + $"(equity {before.EquityUsd}, margin used {before.MarginUsedUsd}, held by open orders {holds.MarginUsd}).");
        }

        return TradeCheck.Accepted;
    }

    /// <summary>
    /// Applies a fill: moves balances, updates the position and writes ledger entries. Throws
    /// <see cref="InvalidOperationException"/> when the fill breaks a rule that needs no prices (leverage, cash funds);
    /// margin sufficiency is the caller's <see cref="Check"/>.
    /// </summary>
    public FillOutcome Apply(Fill fill)
    {
        ValidateFill(fill);
        var check = CheckStructure(fill, AccountHolds.None);
        if (!check.IsAccepted)
        {
            throw new InvalidOperationException($"Fill {fill.TradeId} cannot be applied to account {Id}: {check.Rejection}: {check.Message}");
        }

        var entries = new List<LedgerEntry>();
        var position = PositionFor(fill.Pair, fill.Leverage);
        var side = SideOf(fill.Side);
        var (baseAsset, quote) = (fill.Pair.Base, fill.Pair.Quote);
        var at = fill.Timestamp;
        var reference = fill.TradeId;
        decimal closed = 0m, opened, realized = 0m, openingFee = 0m;

        if (position is not null && position.Side != side)
        {
            closed = Math.Min(fill.Volume, position.Volume);
            realized = position.Direction * (fill.Price - position.EntryPrice) * closed;
        }

        opened = fill.Volume - closed;

        if (!fill.IsMargin)
        {
            if (fill.Side == OrderSide.Buy)
            {
                entries.Add(Post(quote, -fill.Cost, LedgerEntryKind.Trade, at, reference));
                entries.Add(Post(baseAsset, fill.Volume, LedgerEntryKind.Trade, at, reference));
            }
            else
            {
                entries.Add(Post(baseAsset, -fill.Volume, LedgerEntryKind.Trade, at, reference));
                entries.Add(Post(quote, fill.Cost, LedgerEntryKind.Trade, at, reference));
                opened = 0m; // a cash sell never opens a position: the rest comes out of the balance
            }

            if (fill.Fee > 0m)
            {
                entries.Add(Post(quote, -fill.Fee, LedgerEntryKind.Fee, at, reference));
            }
        }
        else
        {
            if (fill.Fee > 0m)
            {
                entries.Add(Post(quote, -fill.Fee, LedgerEntryKind.Fee, at, reference));
            }

            if (realized != 0m)
            {
                entries.Add(Post(quote, realized, LedgerEntryKind.RealizedPnl, at, reference));
            }

            openingFee = opened * fill.Price * MarginOpeningFeeRate;
            if (openingFee > 0m)
            {
                entries.Add(Post(quote, -openingFee, LedgerEntryKind.Margin, at, reference));
            }
        }

        if (position is not null && closed > 0m)
        {
            position = Shrink(position, closed);
        }

        if (opened > 0m)
        {
            _positions[(fill.Pair, fill.IsMargin)] = position is null
                ? new PositionState(fill.Pair, side, opened, fill.Price, fill.Leverage, at)
                : position with
                {
                    EntryPrice = ((position.Volume * position.EntryPrice) + (opened * fill.Price)) / (position.Volume + opened),
                    Volume = position.Volume + opened,
                };
        }

        ClampCashPositions(fill.Pair);

        var realizedUsd = realized * fill.QuoteUsdRate;
        var feeUsd = (fill.Fee + openingFee) * fill.QuoteUsdRate;
        RealizedPnlUsd += realizedUsd;
        FeesPaidUsd += feeUsd;
        CountTrade(at);
        return new FillOutcome(fill, entries, realized, realizedUsd, feeUsd, closed, opened, PositionFor(fill.Pair, fill.Leverage));
    }

    /// <summary>
    /// Records the trigger prices of the protective orders of the cash (<paramref name="margin"/> false) or margin position
    /// in <paramref name="pair"/>; false when there is no such position.
    /// </summary>
    public bool SetProtection(Pair pair, bool margin, decimal? stopLoss, decimal? takeProfit)
    {
        if (!_positions.TryGetValue((pair, margin), out var position))
        {
            return false;
        }

        _positions[(pair, margin)] = position with { StopLoss = stopLoss, TakeProfit = takeProfit };
        return true;
    }

    /// <summary>Balances valued in USDT plus the unrealized P&amp;L of margin positions. Throws naming a missing price.</summary>
    public decimal EquityUsd(IReadOnlyDictionary<Pair, decimal> prices) => Measure(prices).EquityUsd;

    /// <summary>Sum of entry cost / leverage over the margin positions, in USDT.</summary>
    public decimal MarginUsedUsd(IReadOnlyDictionary<Pair, decimal> prices) => Measure(prices).MarginUsedUsd;

    /// <summary>Equity minus margin used, in USDT.</summary>
    public decimal FreeMarginUsd(IReadOnlyDictionary<Pair, decimal> prices)
    {
        var measures = Measure(prices);
        return measures.EquityUsd - measures.MarginUsedUsd;
    }

    /// <summary>
    /// The account valued at <paramref name="prices"/> (which must hold a price for every pair with a position and every
    /// asset held). Records a new equity peak as a side effect.
    /// </summary>
    public PortfolioSnapshot ToSnapshot(IReadOnlyDictionary<Pair, decimal> prices, DateTime now)
    {
        var measures = Measure(prices);
        var positions = new List<Position>(_positions.Count);
        decimal unrealizedUsd = 0m;
        foreach (var p in Positions)
        {
            var mark = prices[p.Pair];
            var rate = Valuation.UsdRate(p.Pair.Quote, prices);
            var pnlUsd = p.PnlAt(mark) * rate;
            unrealizedUsd += pnlUsd;
            positions.Add(new Position(
                p.Pair,
                p.Side,
                p.Volume,
                p.EntryPrice,
                p.Leverage,
                p.OpenedAt,
                p.StopLoss,
                p.TakeProfit,
                mark,
                p.Volume * mark * rate,
                p.IsMargin ? p.Volume * p.EntryPrice * rate / p.Leverage : 0m,
                pnlUsd));
        }

        PeakEquityUsd = Math.Max(PeakEquityUsd, measures.EquityUsd);
        return new PortfolioSnapshot(
            Id,
            now,
            new Dictionary<Asset, decimal>(_balances),
            positions,
            measures.EquityUsd,
            PeakEquityUsd,
            measures.MarginUsedUsd,
            measures.EquityUsd - measures.MarginUsedUsd,
            RealizedPnlUsd,
            unrealizedUsd,
            TradesOn(now))
        {
            FeesPaidUsd = FeesPaidUsd,
        };
    }

    public AccountState ToState() => new(
        Id,
        MaxLeverage,
        MarginOpeningFeeRate,
        new Dictionary<Asset, decimal>(_balances),
        Positions,
        PeakEquityUsd,
        RealizedPnlUsd,
        FeesPaidUsd,
        _tradeDay,
        _tradesOnTradeDay,
        _ledgerSequence);

    public static Account FromState(AccountState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrWhiteSpace(state.AccountId))
        {
            throw new ArgumentException("AccountState.AccountId must not be empty.", nameof(state));
        }

        ArgumentNullException.ThrowIfNull(state.Balances);
        ArgumentNullException.ThrowIfNull(state.Positions);
        ValidateSettings(state.MaxLeverage, state.MarginOpeningFeeRate);
        var seen = new HashSet<(Pair, bool)>();
        foreach (var p in state.Positions)
        {
            if (!seen.Add(KeyOf(p)))
            {
                throw new ArgumentException(
                    $"AccountState {state.AccountId} holds two {(p.IsMargin ? "margin" : "cash")} positions in {p.Pair}; one cash and one margin position per pair are allowed.",
                    nameof(state));
            }

            if (p.Volume <= 0m || p.EntryPrice <= 0m || p.Leverage < 1m || (p.Leverage == 1m && p.Side == PositionSide.Short))
            {
                throw new ArgumentException(
                    $"AccountState {state.AccountId} has an invalid {p.Pair} position: volume {p.Volume} and entry {p.EntryPrice} must be positive, "
                    + $"leverage {p.Leverage} at least 1, and a cash (leverage 1) position must be long (is {p.Side}).",
                    nameof(state));
            }
        }

        return new Account(state);
    }

    /// <summary>Replays ledger entries: the balance of each asset is the sum of its entries' amounts.</summary>
    public static IReadOnlyDictionary<Asset, decimal> BalancesFrom(IEnumerable<LedgerEntry> ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var balances = Enum.GetValues<Asset>().ToDictionary(a => a, _ => 0m);
        foreach (var entry in ledger)
        {
            balances[entry.Asset] += entry.Amount;
        }

        return balances;
    }

    private static (Pair Pair, bool Margin) KeyOf(PositionState position) => (position.Pair, position.IsMargin);

    private static PositionSide SideOf(OrderSide side) => side == OrderSide.Buy ? PositionSide.Long : PositionSide.Short;

    private static int PairOrder(Pair pair)
    {
        for (var i = 0; i < Pair.All.Count; i++)
        {
            if (Pair.All[i] == pair)
            {
                return i;
            }
        }

        return Pair.All.Count;
    }

    private static void ValidateSettings(decimal maxLeverage, decimal marginOpeningFeeRate)
    {
        if (maxLeverage < 1m || maxLeverage != decimal.Truncate(maxLeverage))
        {
            throw new ArgumentOutOfRangeException(nameof(maxLeverage), maxLeverage, $"Maximum leverage must be a whole number of at least 1; got {maxLeverage}.");
        }

        if (marginOpeningFeeRate < 0m || marginOpeningFeeRate >= 0.01m)
        {
            throw new ArgumentOutOfRangeException(nameof(marginOpeningFeeRate), marginOpeningFeeRate, $"The margin opening fee rate must be a fraction in [0, 0.01); got {marginOpeningFeeRate}.");
        }
    }

    private static void ValidateFill(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (fill.Volume <= 0m || fill.Price <= 0m || fill.Fee < 0m || fill.QuoteUsdRate <= 0m)
        {
            throw new ArgumentException(
                $"Fill {fill.TradeId} is invalid: volume {fill.Volume} and price {fill.Price} must be positive, fee {fill.Fee} not negative, "
                + $"quote USD rate {fill.QuoteUsdRate} positive.",
                nameof(fill));
        }

        if (fill.FeeAsset != fill.Pair.Quote)
        {
            throw new ArgumentException($"Fill {fill.TradeId} charges its fee in {fill.FeeAsset}; fees are charged in the quote asset {fill.Pair.Quote}.", nameof(fill));
        }

        if (fill.Pair.Base == fill.Pair.Quote)
        {
            throw new ArgumentException($"Fill {fill.TradeId} has no valid pair ({fill.Pair}).", nameof(fill));
        }
    }

    private TradeCheck CheckStructure(Fill fill, AccountHolds holds)
    {
        var leverage = fill.Leverage;
        if (leverage < 1m || leverage != decimal.Truncate(leverage) || leverage > MaxLeverage)
        {
            return TradeCheck.Reject(
                TradeRejection.InvalidLeverage,
                $"Leverage {leverage} is not allowed: it must be a whole number from 1 (cash) to the account's maximum {MaxLeverage}.");
        }

        var position = PositionFor(fill.Pair, leverage);
        if (position is not null && position.Leverage != leverage)
        {
            return TradeCheck.Reject(
                TradeRejection.LeverageMismatch,
                $"The open {fill.Pair} {position.Side} position has leverage {position.Leverage}; a fill with leverage {leverage} cannot "
                + "change it (use the position's leverage or close it first).");
        }

        if (fill.IsMargin)
        {
            return TradeCheck.Accepted;
        }

        if (fill.Side == OrderSide.Buy)
        {
            var quote = fill.Pair.Quote;
            var spend = fill.Cost + fill.Fee;
            var available = Balance(quote) - holds.Of(quote);
            if (spend > available)
            {
                return TradeCheck.Reject(
                    TradeRejection.InsufficientFunds,
                    $"Buying {fill.Volume} {fill.Pair.Base} at {fill.Price} costs {fill.Cost} + fee {fill.Fee} = {spend} {quote}; "
                    + $"available {quote} is {available} (balance {Balance(quote)}, held by open orders {holds.Of(quote)}).");
            }
        }
        else
        {
            var baseAsset = fill.Pair.Base;
            var available = Balance(baseAsset) - holds.Of(baseAsset);
            if (fill.Volume > available)
            {
                return TradeCheck.Reject(
                    TradeRejection.InsufficientFunds,
                    $"Selling {fill.Volume} {baseAsset} for cash needs that much {baseAsset}; available is {available} "
                    + $"(balance {Balance(baseAsset)}, held by open orders {holds.Of(baseAsset)}). Shorting needs leverage above 1.");
            }
        }

        return TradeCheck.Accepted;
    }

    private PositionState? Shrink(PositionState position, decimal volume)
    {
        var remaining = position.Volume - volume;
        if (remaining <= 0m)
        {
            _positions.Remove(KeyOf(position));
            return null;
        }

        var shrunk = position with { Volume = remaining };
        _positions[KeyOf(shrunk)] = shrunk;
        return shrunk;
    }

    /// <summary>Cuts cash positions down to the base balance that still backs them (other pairs first, then the traded pair).</summary>
    private void ClampCashPositions(Pair traded)
    {
        foreach (var asset in _positions.Values.Where(p => !p.IsMargin).Select(p => p.Pair.Base).Distinct().ToList())
        {
            var held = _positions.Values.Where(p => !p.IsMargin && p.Pair.Base == asset).ToList();
            var excess = held.Sum(p => p.Volume) - Math.Max(0m, Balance(asset));
            foreach (var position in held.OrderBy(p => p.Pair == traded ? 1 : 0).ThenBy(p => PairOrder(p.Pair)))
            {
                if (excess <= 0m)
                {
                    break;
                }

                var cut = Math.Min(excess, position.Volume);
                Shrink(position, cut);
                excess -= cut;
            }
        }
    }

    private void CountTrade(DateTime at)
    {
        var day = DateOnly.FromDateTime(at);
        if (_tradeDay is null || day > _tradeDay)
        {
            _tradeDay = day;
            _tradesOnTradeDay = 1;
        }
        else if (day == _tradeDay)
        {
            _tradesOnTradeDay++;
        }
    }

    private LedgerEntry Post(Asset asset, decimal amount, LedgerEntryKind kind, DateTime at, string reference)
    {
        var balance = Balance(asset) + amount;
        _balances[asset] = balance;
        var entry = new LedgerEntry($"L{++_ledgerSequence:D9}", at, asset, amount, balance, kind, reference);
        _ledger.Add(entry);
        return entry;
    }

    private Measures Measure(IReadOnlyDictionary<Pair, decimal> prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        return TryMeasure(prices, out var measures, out var missing)
            ? measures
            : throw new InvalidOperationException($"Cannot value account {Id}: {missing}");
    }

    private bool TryMeasure(IReadOnlyDictionary<Pair, decimal> prices, out Measures measures, out string missing)
    {
        measures = default;
        missing = string.Empty;
        decimal equity = 0m, marginUsed = 0m;
        foreach (var (asset, amount) in _balances)
        {
            if (amount == 0m)
            {
                continue;
            }

            if (!Valuation.TryUsdRate(asset, prices, out var rate))
            {
                missing = $"no price to value {amount} {asset} in USDT (have prices for [{string.Join(", ", prices.Keys)}]).";
                return false;
            }

            equity += amount * rate;
        }

        foreach (var p in _positions.Values)
        {
            if (!prices.TryGetValue(p.Pair, out var mark) || mark <= 0m || !Valuation.TryUsdRate(p.Pair.Quote, prices, out var rate))
            {
                missing = $"no price to mark the open {p.Pair} position (have prices for [{string.Join(", ", prices.Keys)}]).";
                return false;
            }

            if (p.IsMargin)
            {
                equity += p.PnlAt(mark) * rate;
                marginUsed += p.Volume * p.EntryPrice * rate / p.Leverage;
            }
        }

        measures = new Measures(equity, marginUsed);
        return true;
    }

    private readonly record struct Measures(decimal EquityUsd, decimal MarginUsedUsd);
}
