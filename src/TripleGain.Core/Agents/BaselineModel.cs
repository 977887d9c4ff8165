using System.Globalization;
using TripleGain.Core.Market;
using TripleGain.Core.Portfolio;

namespace TripleGain.Core.Agents;

/// <summary>
/// The rule-based benchmark (id "baseline"): a consensus of four votes (<see cref="BaselineVotes"/>: EMA alignment,
/// RSI, MACD histogram, ADX with +DI/-DI) on the primary timeframe (default 1h) of each pair.
/// </summary>
/// <remarks>
/// <para>Rules, per pair, from the net vote (-4..+4) and the open position:</para>
/// <list type="bullet">
/// <item>Primary timeframe missing or an indicator still warming up: HOLD ("warming up").</item>
/// <item>Flat: BUY when net &gt;= +3 and ADX &gt; 20 confirms a trend; SELL (open a short) when net &lt;= -3 and ADX
/// &gt; 20, unless shorts are disabled; otherwise HOLD.</item>
/// <item>Long: CLOSE when the vote turns against it (net &lt;= -2); otherwise HOLD ("already long" while the signal
/// still says BUY): the model never adds to or re-opens what it holds, so it does not churn. Short mirrors this.</item>
/// </list>
/// <para>Confidence = |net| / 4 x (0.8 + 0.2 x ADX strength), where ADX strength rises linearly from 0 at ADX 20 to 1
/// at ADX 40, rounded to 3 decimals. Size = <see cref="BaselineSettings.BaseSizePct"/> x confidence (% of equity,
/// 2 decimals). A long's stop-loss is price - 2 ATR and its take-profit price + 3 ATR (a short's mirror them), rounded
/// to the pair's tick and always at least one tick on the correct side of the price. Decisions come in the order of
/// <see cref="MarketSnapshot.Pairs"/>; the model is stateless and deterministic, and completes synchronously.</para>
/// </remarks>
public sealed class BaselineModel : IDecisionModel
{
    public const string ModelId = "baseline";

    /// <summary>Net vote (absolute) needed to open a position.</summary>
    public const int OpenVote = 3;

    /// <summary>Net vote against an open position that closes it.</summary>
    public const int CloseVote = 2;

    /// <summary>ADX at which the ADX part of the confidence is full.</summary>
    public const double AdxFullStrength = 40;

    /// <summary>Share of the confidence that does not depend on ADX strength.</summary>
    public const double ConfidenceFloorShare = 0.8;

    private const int FallbackPriceDecimals = 8;

    public BaselineModel(BaselineSettings? settings = null)
    {
        Settings = settings ?? BaselineSettings.Default;
        Settings.Validate();
    }

    public string Id => ModelId;

    public BaselineSettings Settings { get; }

    public ValueTask<IReadOnlyList<TradeDecision>> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(context.Market, nameof(context.Market));
        ArgumentNullException.ThrowIfNull(context.Portfolio, nameof(context.Portfolio));
        cancellationToken.ThrowIfCancellationRequested();

        var decisions = new TradeDecision[context.Market.Pairs.Count];
        for (var i = 0; i < decisions.Length; i++)
        {
            decisions[i] = Decide(context.Market.Pairs[i], context.Portfolio, context.Timestamp);
        }

        return ValueTask.FromResult<IReadOnlyList<TradeDecision>>(decisions);
    }

    /// <summary>The decision for one pair (the rules in the remarks).</summary>
    public TradeDecision Decide(PairSnapshot pair, PortfolioSnapshot portfolio, DateTime timestamp)
    {
        ArgumentNullException.ThrowIfNull(pair);
        ArgumentNullException.ThrowIfNull(portfolio);
        var label = Settings.PrimaryTimeframe.Label();

        if (pair[Settings.PrimaryTimeframe] is not { } snapshot)
        {
            return Hold(pair.Pair, timestamp, $"Warming up: no completed {label} candle yet.");
        }

        var values = snapshot.Indicators;
        if (BaselineVotes.From(values) is not { } votes || values.Atr is not { } atr)
        {
            return Hold(pair.Pair, timestamp, $"Warming up: the {label} indicators (EMA, RSI, MACD, ADX, ATR) are not ready.");
        }

        if (pair.LastPrice <= 0)
        {
            return Hold(pair.Pair, timestamp, $"No price for {pair.Pair} ({pair.LastPrice}).");
        }

        if (!double.IsFinite(atr) || atr < 0)
        {
            return Hold(pair.Pair, timestamp, $"The {label} ATR {atr} is not a usable distance.");
        }

        var net = votes.Net;
        var summary = votes.Describe(values);
        var position = portfolio.PositionIn(pair.Pair);

        if (position is { Side: PositionSide.Long })
        {
            return net <= -CloseVote
                ? Close(pair.Pair, net, timestamp, $"Close long: the {label} vote turned against it ({summary}).")
                : Hold(pair.Pair, timestamp, net >= OpenVote && votes.TrendConfirmed
                    ? $"Already long; {label} still bullish ({summary})."
                    : $"Holding long; {label} vote not against it ({summary}).");
        }

        if (position is { Side: PositionSide.Short })
        {
            return net >= CloseVote
                ? Close(pair.Pair, net, timestamp, $"Close short: the {label} vote turned against it ({summary}).")
                : Hold(pair.Pair, timestamp, net <= -OpenVote && votes.TrendConfirmed
                    ? $"Already short; {label} still bearish ({summary})."
                    : $"Holding short; {label} vote not against it ({summary}).");
        }

        if (net >= OpenVote && votes.TrendConfirmed)
        {
            return Open(pair.Pair, TradeAction.Buy, pair.LastPrice, (decimal)atr, votes, timestamp, $"Bullish {label} consensus ({summary})");
        }

        if (net <= -OpenVote && votes.TrendConfirmed)
        {
            return Settings.AllowShorts
                ? Open(pair.Pair, TradeAction.Sell, pair.LastPrice, (decimal)atr, votes, timestamp, $"Bearish {label} consensus ({summary})")
                : Hold(pair.Pair, timestamp, $"Bearish {label} consensus but shorts are disabled ({summary}).");
        }

        return Hold(pair.Pair, timestamp, votes.TrendConfirmed
            ? $"No {label} consensus ({summary})."
            : $"No {label} trend: ADX {votes.AdxValue.ToString("0.0", CultureInfo.InvariantCulture)} <= {BaselineVotes.AdxTrendThreshold} ({summary}).");
    }

    /// <summary>|net| / 4 scaled by ADX strength (see remarks), 0..1.</summary>
    public static double Confidence(BaselineVotes votes)
    {
        ArgumentNullException.ThrowIfNull(votes);
        var strength = Math.Clamp((votes.AdxValue - BaselineVotes.AdxTrendThreshold) / (AdxFullStrength - BaselineVotes.AdxTrendThreshold), 0, 1);
        return Math.Round(Math.Abs(votes.Net) / 4.0 * (ConfidenceFloorShare + (1 - ConfidenceFloorShare) * strength), 3);
    }

    private TradeDecision Open(Pair pair, TradeAction action, decimal price, decimal atr, BaselineVotes votes, DateTime timestamp, string why)
    {
        var confidence = Confidence(votes);
        var size = decimal.Round(Settings.BaseSizePct * (decimal)confidence, 2, MidpointRounding.AwayFromZero);
        var (decimals, tick) = Settings.Catalog.Contains(pair)
            ? (Settings.Catalog[pair].PriceDecimals, Settings.Catalog[pair].TickSize)
            : (FallbackPriceDecimals, 0.00000001m);
        var stopDistance = Settings.StopAtrMultiple * atr;
        var targetDistance = Settings.TakeProfitAtrMultiple * atr;

        decimal? stop;
        decimal? target;
        if (action == TradeAction.Buy)
        {
            stop = Math.Min(Round(price - stopDistance, decimals), price - tick);
            target = Math.Max(Round(price + targetDistance, decimals), price + tick);
        }
        else
        {
            stop = Math.Max(Round(price + stopDistance, decimals), price + tick);
            target = Math.Min(Round(price - targetDistance, decimals), price - tick);
        }

        stop = stop > 0 ? stop : null;
        target = target > 0 ? target : null;
        var reasoning = string.Create(CultureInfo.InvariantCulture,
            $"{why}; stop {Format(stop, decimals)} ({Settings.StopAtrMultiple} ATR), target {Format(target, decimals)} ({Settings.TakeProfitAtrMultiple} ATR), ATR {Format(atr, decimals)}.");
        return new TradeDecision(ModelId, pair, action, size, confidence, stop, target, reasoning, timestamp);
    }

    private static TradeDecision Close(Pair pair, int net, DateTime timestamp, string reasoning) =>
        new(ModelId, pair, TradeAction.Close, 0m, Math.Abs(net) / 4.0, null, null, reasoning, timestamp);

    private static TradeDecision Hold(Pair pair, DateTime timestamp, string reasoning) =>
        TradeDecision.Hold(ModelId, pair, timestamp, reasoning);

    private static decimal Round(decimal price, int decimals) => decimal.Round(price, decimals, MidpointRounding.AwayFromZero);

    private static string Format(decimal? price, int decimals) =>
        price?.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) ?? "none";
}
