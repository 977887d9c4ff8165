using TripleGain.Core.Market;
using TripleGain.Core.Portfolio;

namespace TripleGain.Core.Exchange;

/// <summary>
/// A simulated Kraken that fills orders against candles and books the fills into an <see cref="Account"/>.
/// Not thread-safe: one owner places orders and feeds candles in time order.
/// <para><b>Placing</b> checks, in Kraken's words and this order: the pair (<c>EQuery:Unknown asset pair</c>), the
/// volume's sign and lot decimals (<c>EGeneral:Invalid arguments:volume</c>), the leverage (whole, 1 up to the lower of
/// the account's and the pair's maximum: <c>EGeneral:Invalid arguments:leverage</c>), the price of limit, stop-loss and
/// take-profit orders and of attached stop-loss/take-profit (missing: <c>EGeneral:Invalid arguments:price</c>; too many
/// decimals: <c>EOrder:Invalid price:XBTUSDT price can only be specified up to 1 decimals.</c>), the minimum volume
/// (<c>EOrder:Order minimum not met</c>), a known price for the pair (<c>EService:Unavailable</c> until a candle or
/// <see cref="Mark"/> gave one), the minimum cost (<c>EOrder:Cost minimum not met</c>), reduce-only orders need an
/// opposite position (<c>EGeneral:Invalid arguments:reduce_only</c>), and the account's funds
/// (<c>EOrder:Insufficient funds</c>) or margin (<c>EOrder:Insufficient margin</c>) at the estimated price, net of
/// what other open orders hold. A refused order changes nothing. The same <see cref="OrderRequest.ClientOrderId"/>
/// returns the first result again (refusals included, except retryable EService ones), also after a restore.</para>
/// <para><b>Filling</b> (<see cref="OnCandle"/>): an order can fill from the first candle whose open time is at or after
/// its placement (placing at a candle's close and filling on the next candle's open avoids lookahead). Market orders
/// fill at the open (a <see cref="OrderRequest.Price"/> on a market order is ignored; the last price only estimates the
/// cost for the funds check). Limit buys fill when low &lt;= limit, at the limit as maker; when the open is already at or below
/// the limit they fill at the open as taker (never above the limit). Stop-loss sells trigger when low &lt;= trigger
/// and fill at the trigger, or at the open when it gapped below it; take-profit sells trigger when high &gt;= trigger
/// and fill at the trigger, or at the open when it gapped above. Buys mirror this. Every taker fill pays
/// <see cref="PaperExchangeSettings.SlippageBps"/> against the taker, rounded to the pair's tick against the taker.
/// Fees are the pair's maker/taker fees, in the quote asset. Fills are stamped with the candle's open time.</para>
/// <para><b>Order within a candle</b>: market orders, then orders gapped at the open, then intrabar touches with
/// stop-losses before take-profits and limits (when both the stop and the take-profit of a position could trigger in one
/// candle, the stop is assumed to hit first: the conservative choice), ties by arrival. Protective orders created by a
/// fill inside a candle may trigger in the same candle only if they are stop-losses (again conservative).</para>
/// <para><b>Positions</b>: an order acts on the pair's cash position (leverage 1) or its margin position (leverage above
/// 1). Reduce-only orders are cut to that position's volume when they fill and canceled if there is nothing left to
/// reduce. When a position is closed or flipped, every other open reduce-only order on it (same pair, same cash or
/// margin kind) is canceled (one-cancels-the-other). An entry with <see cref="OrderRequest.StopLoss"/> /
/// <see cref="OrderRequest.TakeProfit"/> replaces the pair's protective orders when it fills. Funds are checked again
/// when an order fills; an order the account can no longer pay is canceled with Kraken's error as the reason. An order
/// fills at most once: only open orders are considered, and a fill closes the order.</para>
/// </summary>
public sealed class PaperExchange : IExchange
{
    private readonly Account _account;
    private readonly PairCatalog _catalog;
    private readonly PaperExchangeSettings _settings;
    private readonly Dictionary<string, Order> _orders = new(StringComparer.Ordinal);
    private readonly List<Order> _open = [];
    private readonly Dictionary<string, OrderResult> _resultsByClientOrderId = new(StringComparer.Ordinal);
    private readonly Dictionary<Pair, decimal> _marks = [];
    private long _orderSequence;
    private long _tradeSequence;

    public PaperExchange(Account account, PairCatalog? catalog = null, PaperExchangeSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        _account = account;
        _catalog = catalog ?? PairCatalog.Kraken;
        _settings = settings ?? PaperExchangeSettings.Default;
        _settings.Validate();
    }

    public Account Account => _account;

    public PaperExchangeSettings Settings => _settings;

    /// <summary>The last price of each pair: the close of the latest candle, or a price given to <see cref="Mark"/>.</summary>
    public IReadOnlyDictionary<Pair, decimal> Marks => _marks;

    public IReadOnlyList<Order> OpenOrders => [.. _open];

    /// <summary>All orders, open and closed, oldest first.</summary>
    public IReadOnlyList<Order> Orders => [.. _orders.Values.OrderBy(o => o.Sequence)];

    public Order? FindOrder(string orderId) => _orders.TryGetValue(orderId, out var order) ? order : null;

    /// <summary>Sets the last price of a pair without a candle (a ticker), for valuation and order checks.</summary>
    public void Mark(Pair pair, decimal price)
    {
        if (price <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, $"The price of {pair} must be positive; got {price}.");
        }

        _marks[pair] = price;
    }

    /// <summary>The account valued at the last prices (see <see cref="Account.ToSnapshot"/>).</summary>
    public PortfolioSnapshot Snapshot(DateTime now) => _account.ToSnapshot(_marks, now);

    public OrderResult PlaceOrder(OrderRequest request, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.ClientOrderId))
        {
            return OrderResult.Rejected(
                KrakenErrors.InvalidArgument("cl_ord_id"),
                "ClientOrderId must not be empty: it is the order's idempotency key.");
        }

        if (_resultsByClientOrderId.TryGetValue(request.ClientOrderId, out var original))
        {
            return original;
        }

        var result = Place(request, now);
        if (result.IsAccepted || !result.Error.IsRetryable)
        {
            _resultsByClientOrderId[request.ClientOrderId] = result;
        }

        return result;
    }

    public OrderResult Cancel(string orderId, DateTime now)
    {
        if (orderId is null || !_orders.TryGetValue(orderId, out var order) || !order.IsOpen)
        {
            return OrderResult.Rejected(
                KrakenErrors.UnknownOrder,
                $"No open order '{orderId}': it is unknown, already filled or already canceled.");
        }

        var canceled = CloseOrder(order with { Status = OrderStatus.Canceled, ClosedAt = now, Reason = "canceled by the client" });
        SyncProtection(order.Request.Pair);
        return OrderResult.Accepted(canceled);
    }

    /// <summary>
    /// Fills the open orders of <paramref name="pair"/> that <paramref name="candle"/> reaches (see the class summary)
    /// and returns the fills in the order they happened; then records the candle's close as the pair's last price.
    /// </summary>
    public IReadOnlyList<Fill> OnCandle(Pair pair, in Candle candle)
    {
        var c = candle;
        if (!_catalog.Contains(pair))
        {
            throw new ArgumentException($"Pair {pair} is not in the exchange's catalog.", nameof(pair));
        }

        if (c.Low <= 0m || c.Low > Math.Min(c.Open, c.Close) || c.High < Math.Max(c.Open, c.Close))
        {
            throw new ArgumentException(
                $"The {pair} candle at {c.Timestamp:O} is inconsistent: open {c.Open}, high {c.High}, low {c.Low}, close {c.Close} "
                + "(the low must be positive and at most the open and close, the high at least both).",
                nameof(candle));
        }

        List<Fill>? fills = null;
        if (_open.Count > 0)
        {
            var info = _catalog[pair];
            var createdThisCandle = new HashSet<string>(StringComparer.Ordinal);
            while (true)
            {
                Order? next = null;
                var best = default(Trigger);
                foreach (var order in _open)
                {
                    if (order.Request.Pair != pair || order.PlacedAt > c.Timestamp
                        || (createdThisCandle.Contains(order.OrderId) && order.Request.Type != OrderType.StopLoss)
                        || !TryTrigger(order.Request, c, info, out var trigger))
                    {
                        continue;
                    }

                    if (next is null || (trigger.Phase, trigger.Rank, order.Sequence).CompareTo((best.Phase, best.Rank, next.Sequence)) < 0)
                    {
                        next = order;
                        best = trigger;
                    }
                }

                if (next is null)
                {
                    break;
                }

                var fill = Execute(next, best, c, createdThisCandle);
                if (fill is not null)
                {
                    (fills ??= []).Add(fill);
                }
            }
        }

        _marks[pair] = c.Close;
        return fills ?? (IReadOnlyList<Fill>)[];
    }

    public PaperExchangeState ToState() => new(
        _account.ToState(),
        Orders,
        new Dictionary<string, OrderResult>(_resultsByClientOrderId, StringComparer.Ordinal),
        [.. _marks.OrderBy(m => m.Key.Symbol, StringComparer.Ordinal).Select(m => new PairPrice(m.Key, m.Value))],
        _orderSequence,
        _tradeSequence);

    public static PaperExchange FromState(PaperExchangeState state, PairCatalog? catalog = null, PaperExchangeSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(state.Orders);
        ArgumentNullException.ThrowIfNull(state.ResultsByClientOrderId);
        ArgumentNullException.ThrowIfNull(state.Marks);
        var exchange = new PaperExchange(Account.FromState(state.Account), catalog, settings)
        {
            _orderSequence = state.OrderSequence,
            _tradeSequence = state.TradeSequence,
        };
        foreach (var order in state.Orders.OrderBy(o => o.Sequence))
        {
            if (order.Sequence > state.OrderSequence)
            {
                throw new ArgumentException($"Order {order.OrderId} has sequence {order.Sequence} beyond the state's order sequence {state.OrderSequence}.", nameof(state));
            }

            exchange._orders.Add(order.OrderId, order);
            if (order.IsOpen)
            {
                exchange._open.Add(order);
            }
        }

        foreach (var (clientOrderId, result) in state.ResultsByClientOrderId)
        {
            exchange._resultsByClientOrderId[clientOrderId] = result;
        }

        foreach (var mark in state.Marks)
        {
            exchange.Mark(mark.Pair, mark.Price);
        }

        return exchange;
    }

    private static PositionSide SideOf(OrderSide side) => side == OrderSide.Buy ? PositionSide.Long : PositionSide.Short;

    private static OrderSide Opposite(PositionSide side) => side == PositionSide.Long ? OrderSide.Sell : OrderSide.Buy;

    private static string CodeOf(TradeRejection rejection) => rejection switch
    {
        TradeRejection.InsufficientFunds => KrakenErrors.InsufficientFunds,
        TradeRejection.InsufficientMargin => KrakenErrors.InsufficientMargin,
        TradeRejection.InvalidLeverage or TradeRejection.LeverageMismatch => KrakenErrors.InvalidArgument("leverage"),
        TradeRejection.PriceUnavailable => KrakenErrors.ServiceUnavailable,
        _ => KrakenErrors.InvalidArguments,
    };

    private OrderResult Place(OrderRequest request, DateTime now)
    {
        var pair = request.Pair;
        if (!_catalog.Contains(pair))
        {
            return OrderResult.Rejected(
                KrakenErrors.UnknownAssetPair,
                $"Pair {pair} is not traded here; known pairs: {string.Join(", ", _catalog.Pairs.Select(p => p.Pair))}.");
        }

        var info = _catalog[pair];
        if (!Enum.IsDefined(request.Side))
        {
            return OrderResult.Rejected(KrakenErrors.InvalidArgument("type"), $"Order side {(int)request.Side} is neither buy nor sell.");
        }

        if (!Enum.IsDefined(request.Type))
        {
            return OrderResult.Rejected(KrakenErrors.InvalidArgument("ordertype"), $"Order type {(int)request.Type} is not market, limit, stop-loss or take-profit.");
        }

        if (request.Volume <= 0m || decimal.Round(request.Volume, info.VolumeDecimals) != request.Volume)
        {
            return OrderResult.Rejected(
                KrakenErrors.InvalidArgument("volume"),
                $"Volume {request.Volume} of {pair} must be positive with at most {info.VolumeDecimals} decimals.");
        }

        var maxLeverage = Math.Min(_account.MaxLeverage, info.MaxLeverage);
        if (request.Leverage < 1m || request.Leverage != decimal.Truncate(request.Leverage) || request.Leverage > maxLeverage)
        {
            return OrderResult.Rejected(
                KrakenErrors.InvalidArgument("leverage"),
                $"Leverage {request.Leverage} for {pair} must be a whole number from 1 (cash) to {maxLeverage} "
                + $"(account maximum {_account.MaxLeverage}, pair maximum {info.MaxLeverage}).");
        }

        if (request.Type != OrderType.Market)
        {
            var priceError = CheckPrice(info, request.Price, $"the {request.Type} price");
            if (priceError is not null)
            {
                return OrderResult.Rejected(priceError);
            }
        }

        if (request.StopLoss is not null || request.TakeProfit is not null)
        {
            if (request.ReduceOnly)
            {
                return OrderResult.Rejected(
                    KrakenErrors.InvalidArgument("close"),
                    "A reduce-only order cannot carry an attached stop-loss or take-profit: those protect the position an entry opens.");
            }

            var attachedError = (request.StopLoss is null ? null : CheckPrice(info, request.StopLoss, "the attached stop-loss"))
                ?? (request.TakeProfit is null ? null : CheckPrice(info, request.TakeProfit, "the attached take-profit"));
            if (attachedError is not null)
            {
                return OrderResult.Rejected(attachedError);
            }

            if (request.StopLoss is { } sl && request.TakeProfit is { } tp
                && (request.Side == OrderSide.Buy ? sl >= tp : sl <= tp))
            {
                return OrderResult.Rejected(
                    KrakenErrors.InvalidArgument("price"),
                    $"The attached stop-loss {sl} must be {(request.Side == OrderSide.Buy ? "below" : "above")} the take-profit {tp} for a {request.Side} entry.");
            }
        }

        if (request.Volume < info.MinOrderVolume)
        {
            return OrderResult.Rejected(
                KrakenErrors.OrderMinimumNotMet,
                $"Volume {request.Volume} {pair.Base} of {pair} is below the minimum order of {info.MinOrderVolume} {pair.Base}.");
        }

        if (!_marks.TryGetValue(pair, out var mark))
        {
            return OrderResult.Rejected(
                KrakenErrors.ServiceUnavailable,
                $"No price seen yet for {pair}: feed a candle (OnCandle) or a price (Mark) before placing orders.");
        }

        if (!Valuation.TryUsdRate(pair.Quote, _marks, out var quoteRate))
        {
            return OrderResult.Rejected(
                KrakenErrors.ServiceUnavailable,
                $"No {pair.Quote}/USDT price seen yet to value {pair} in USDT.");
        }

        var estimate = request.Type switch
        {
            OrderType.Limit => request.Price!.Value,
            OrderType.Market => TakerPrice(mark, request.Side, info),
            _ => TakerPrice(request.Price!.Value, request.Side, info),
        };
        var cost = request.Volume * estimate;
        if (cost < info.MinCost)
        {
            return OrderResult.Rejected(
                KrakenErrors.CostMinimumNotMet,
                $"Cost {cost} {pair.Quote} ({request.Volume} x {estimate}) of {pair} is below the minimum cost of {info.MinCost} {pair.Quote}.");
        }

        var position = _account.PositionFor(pair, request.Leverage);
        if (request.ReduceOnly)
        {
            if (position is null || position.Side == SideOf(request.Side))
            {
                return OrderResult.Rejected(
                    KrakenErrors.InvalidArgument("reduce_only"),
                    $"A reduce-only {request.Side} order on {pair} with leverage {request.Leverage} needs an open {(request.Leverage > 1m ? "margin" : "cash")} "
                    + $"{(request.Side == OrderSide.Buy ? "short" : "long")} position to reduce; "
                    + (position is null ? "there is none." : $"the position is {position.Side}."));
            }
        }
        else
        {
            var liquidity = request.Type == OrderType.Limit ? Liquidity.Maker : Liquidity.Taker;
            var feeRate = liquidity == Liquidity.Maker ? info.MakerFee : info.TakerFee;
            var probe = new Fill(
                "probe", "probe", request.ClientOrderId, pair, request.Side, request.Volume, estimate, cost * feeRate, pair.Quote,
                liquidity, now, request.Leverage, quoteRate);
            var check = _account.Check(probe, _marks, Holds(exceptOrderId: null));
            if (!check.IsAccepted)
            {
                return OrderResult.Rejected(CodeOf(check.Rejection), check.Message);
            }
        }

        var sequence = ++_orderSequence;
        var order = new Order(OrderIdOf(sequence), sequence, request, now, OrderStatus.Open, estimate);
        AddOrder(order);
        return OrderResult.Accepted(order);
    }

    private static ExchangeError? CheckPrice(PairInfo info, decimal? price, string what)
    {
        if (price is not { } value || value <= 0m)
        {
            return new ExchangeError(
                KrakenErrors.InvalidArgument("price"),
                $"{char.ToUpperInvariant(what[0])}{what[1..]} must be a positive price for {info.Pair}; got {(price?.ToString() ?? "none")}.");
        }

        return info.IsValidPrice(value)
            ? null
            : new ExchangeError(
                KrakenErrors.InvalidPricePrecision(info.ExchangeName, info.PriceDecimals),
                $"{char.ToUpperInvariant(what[0])}{what[1..]} {value} of {info.Pair} has more than {info.PriceDecimals} decimals.");
    }

    private static string OrderIdOf(long sequence) => $"O{sequence:D8}";

    /// <summary>The price a taker gets at <paramref name="price"/> after slippage, rounded to the tick against the taker.</summary>
    private decimal TakerPrice(decimal price, OrderSide side, PairInfo info)
    {
        var slip = _settings.SlippageBps / 10_000m;
        var tick = info.TickSize;
        if (side == OrderSide.Buy)
        {
            return decimal.Ceiling(price * (1m + slip) / tick) * tick;
        }

        var sell = decimal.Floor(price * (1m - slip) / tick) * tick;
        return sell > 0m ? sell : tick;
    }

    private bool TryTrigger(OrderRequest r, Candle c, PairInfo info, out Trigger trigger)
    {
        var buy = r.Side == OrderSide.Buy;
        trigger = default;
        switch (r.Type)
        {
            case OrderType.Market:
                trigger = new Trigger(0, 0, TakerPrice(c.Open, r.Side, info), Liquidity.Taker);
                return true;
            case OrderType.Limit:
                var limit = r.Price!.Value;
                if (buy ? c.Open <= limit : c.Open >= limit)
                {
                    var taker = TakerPrice(c.Open, r.Side, info);
                    trigger = new Trigger(1, 0, buy ? Math.Min(taker, limit) : Math.Max(taker, limit), Liquidity.Taker);
                    return true;
                }

                if (buy ? c.Low <= limit : c.High >= limit)
                {
                    trigger = new Trigger(2, 1, limit, Liquidity.Maker);
                    return true;
                }

                return false;
            case OrderType.StopLoss:
            case OrderType.TakeProfit:
                var level = r.Price!.Value;
                // A sell stop and a buy take-profit trigger on a fall; a buy stop and a sell take-profit on a rise.
                var onFall = (r.Type == OrderType.StopLoss) != buy;
                var rank = r.Type == OrderType.StopLoss ? 0 : 1;
                if (onFall ? c.Open <= level : c.Open >= level)
                {
                    trigger = new Trigger(1, 0, TakerPrice(c.Open, r.Side, info), Liquidity.Taker);
                    return true;
                }

                if (onFall ? c.Low <= level : c.High >= level)
                {
                    trigger = new Trigger(2, rank, TakerPrice(level, r.Side, info), Liquidity.Taker);
                    return true;
                }

                return false;
            default:
                return false;
        }
    }

    private Fill? Execute(Order order, Trigger trigger, Candle c, HashSet<string> createdThisCandle)
    {
        var r = order.Request;
        var pair = r.Pair;
        var info = _catalog[pair];
        var at = c.Timestamp;
        var position = _account.PositionFor(pair, r.Leverage);
        decimal volume, leverage;
        if (r.ReduceOnly)
        {
            if (position is null || position.Side == SideOf(r.Side))
            {
                CancelAtFill(order, at, "reduce-only order canceled: there is no opposite position left to reduce");
                return null;
            }

            volume = order.ClosesPosition ? position.Volume : Math.Min(r.Volume, position.Volume);
            leverage = position.Leverage;
        }
        else
        {
            volume = r.Volume;
            leverage = r.Leverage;
        }

        var marks = new Dictionary<Pair, decimal>(_marks) { [pair] = trigger.Price };
        if (!Valuation.TryUsdRate(pair.Quote, marks, out var quoteRate))
        {
            CancelAtFill(order, at, $"{KrakenErrors.ServiceUnavailable}: no {pair.Quote}/USDT price to value the fill");
            return null;
        }

        var feeRate = trigger.Liquidity == Liquidity.Maker ? info.MakerFee : info.TakerFee;
        var fill = new Fill(
            string.Empty, order.OrderId, r.ClientOrderId, pair, r.Side, volume, trigger.Price, volume * trigger.Price * feeRate,
            pair.Quote, trigger.Liquidity, at, leverage, quoteRate);
        var check = _account.Check(fill, marks, Holds(order.OrderId));
        if (!check.IsAccepted)
        {
            CancelAtFill(order, at, $"{CodeOf(check.Rejection)}: {check.Message}");
            return null;
        }

        fill = fill with { TradeId = $"T{++_tradeSequence:D8}" };
        var sideBefore = position?.Side;
        var outcome = _account.Apply(fill);
        CloseOrder(order with
        {
            Status = OrderStatus.Filled,
            ClosedAt = at,
            TradeId = fill.TradeId,
            FillPrice = fill.Price,
            FilledVolume = fill.Volume,
        });

        var after = outcome.PositionAfter;
        if (sideBefore is not null && (after is null || after.Side != sideBefore))
        {
            CancelReduceOnly(pair, fill.IsMargin, at, $"one-cancels-the-other: the {pair} position was {(after is null ? "closed" : "flipped")} by order {order.OrderId}");
        }

        if (!r.ReduceOnly && (r.StopLoss is not null || r.TakeProfit is not null) && after is not null && after.Side == SideOf(r.Side))
        {
            CancelReduceOnly(pair, fill.IsMargin, at, $"replaced by the stop-loss/take-profit attached to order {order.OrderId}", protectiveOnly: true);
            if (r.StopLoss is { } stop)
            {
                createdThisCandle.Add(AddProtection(order, OrderType.StopLoss, stop, after, at).OrderId);
            }

            if (r.TakeProfit is { } target)
            {
                createdThisCandle.Add(AddProtection(order, OrderType.TakeProfit, target, after, at).OrderId);
            }
        }

        SyncProtection(pair);
        return fill;
    }

    private Order AddProtection(Order parent, OrderType type, decimal price, PositionState position, DateTime at)
    {
        var suffix = type == OrderType.StopLoss ? "sl" : "tp";
        var request = new OrderRequest(
            $"{parent.Request.ClientOrderId}:{suffix}",
            position.Pair,
            Opposite(position.Side),
            type,
            position.Volume,
            price,
            position.Leverage,
            ReduceOnly: true,
            Reason: $"{(type == OrderType.StopLoss ? "stop-loss" : "take-profit")} attached to order {parent.OrderId}");
        var sequence = ++_orderSequence;
        var order = new Order(OrderIdOf(sequence), sequence, request, at, OrderStatus.Open, price, parent.OrderId, ClosesPosition: true);
        AddOrder(order);
        _resultsByClientOrderId[request.ClientOrderId] = OrderResult.Accepted(order);
        return order;
    }

    private void AddOrder(Order order)
    {
        _orders.Add(order.OrderId, order);
        _open.Add(order);
    }

    private Order CloseOrder(Order closed)
    {
        _orders[closed.OrderId] = closed;
        _open.RemoveAll(o => o.OrderId == closed.OrderId);
        return closed;
    }

    private void CancelAtFill(Order order, DateTime at, string reason)
    {
        CloseOrder(order with { Status = OrderStatus.Canceled, ClosedAt = at, Reason = reason });
        SyncProtection(order.Request.Pair);
    }

    private void CancelReduceOnly(Pair pair, bool margin, DateTime at, string reason, bool protectiveOnly = false)
    {
        foreach (var order in _open.Where(o => o.Request.Pair == pair && o.Request.ReduceOnly && (o.Request.Leverage > 1m) == margin
                     && (!protectiveOnly || o.Request.Type is OrderType.StopLoss or OrderType.TakeProfit)).ToList())
        {
            CloseOrder(order with { Status = OrderStatus.Canceled, ClosedAt = at, Reason = reason });
        }
    }

    /// <summary>Copies the trigger prices of the open reduce-only stop-loss and take-profit orders of a pair onto its cash and margin positions (the latest of each).</summary>
    private void SyncProtection(Pair pair)
    {
        SyncProtection(pair, margin: false);
        SyncProtection(pair, margin: true);
    }

    private void SyncProtection(Pair pair, bool margin)
    {
        decimal? stop = null, target = null;
        foreach (var order in _open)
        {
            if (order.Request.Pair != pair || !order.Request.ReduceOnly || (order.Request.Leverage > 1m) != margin)
            {
                continue;
            }

            if (order.Request.Type == OrderType.StopLoss)
            {
                stop = order.Request.Price;
            }
            else if (order.Request.Type == OrderType.TakeProfit)
            {
                target = order.Request.Price;
            }
        }

        _account.SetProtection(pair, margin, stop, target);
    }

    /// <summary>What the open orders (other than <paramref name="exceptOrderId"/>) hold: quote for cash buys, base for cash sells, USDT margin for margin orders. Reduce-only orders hold nothing.</summary>
    private AccountHolds Holds(string? exceptOrderId)
    {
        if (_open.Count == 0)
        {
            return AccountHolds.None;
        }

        var balances = new Dictionary<Asset, decimal>();
        decimal margin = 0m;
        foreach (var order in _open)
        {
            var r = order.Request;
            if (r.ReduceOnly || order.OrderId == exceptOrderId)
            {
                continue;
            }

            var taker = _catalog.Contains(r.Pair) ? _catalog[r.Pair].TakerFee : 0m;
            var cost = r.Volume * order.EstimatedPrice;
            if (r.Leverage > 1m)
            {
                var rate = Valuation.TryUsdRate(r.Pair.Quote, _marks, out var quoteRate) ? quoteRate : 0m;
                margin += ((cost / r.Leverage) + (cost * taker)) * rate;
            }
            else if (r.Side == OrderSide.Buy)
            {
                balances[r.Pair.Quote] = balances.GetValueOrDefault(r.Pair.Quote) + (cost * (1m + taker));
            }
            else
            {
                balances[r.Pair.Base] = balances.GetValueOrDefault(r.Pair.Base) + r.Volume;
            }
        }

        return new AccountHolds(balances, margin);
    }

    /// <summary>When an order fills within a candle: phase 0 at the open (market), 1 gapped at the open, 2 intrabar; rank 0 before 1 (stops first).</summary>
    private readonly record struct Trigger(int Phase, int Rank, decimal Price, Liquidity Liquidity);
}
