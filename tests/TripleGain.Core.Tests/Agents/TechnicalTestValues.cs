using TripleGain.Core.Agents;
using TripleGain.Core.Indicators;
using TripleGain.Core.Market;
using TripleGain.Core.Portfolio;

namespace TripleGain.Core.Tests.Agents;

/// <summary>Hand-made indicator values, snapshots and portfolios for the technical agent and the rule-based models.</summary>
internal static class TechnicalTestValues
{
    public static readonly DateTime Now = new(2025, 3, 10, 12, 0, 0, DateTimeKind.Utc);

    public static IndicatorValues Values(
        double close = 100,
        double? emaFast = null,
        double? emaMid = null,
        double? emaSlow = null,
        double? rsi = null,
        double? macdHistogram = null,
        double? adx = null,
        double? plusDi = null,
        double? minusDi = null,
        double? atr = null,
        DateTime? timestamp = null) =>
        new(
            timestamp ?? Now.AddHours(-1),
            close,
            emaFast,
            emaMid,
            emaSlow,
            rsi,
            Macd: macdHistogram is null ? null : 1.0,
            MacdSignal: macdHistogram is null ? null : 1.0 - macdHistogram,
            macdHistogram,
            Roc: null,
            adx,
            plusDi,
            minusDi,
            atr,
            BollingerUpper: null,
            BollingerMiddle: null,
            BollingerLower: null,
            BollingerPercentB: null,
            BollingerWidth: null,
            KeltnerUpper: null,
            KeltnerMiddle: null,
            KeltnerLower: null,
            Obv: 0,
            Vwap: null,
            VolumeRatio: null);

    /// <summary>
    /// Indicator values whose baseline votes are the given ones: ema/rsi/macd/adx each -1, 0 or +1. An ADX vote of 0
    /// means ADX 15 (no trend); +1/-1 mean ADX <paramref name="adxValue"/> with +DI above/below -DI. ATR is 2.
    /// </summary>
    public static IndicatorValues FromVotes(int ema, int rsi, int macd, int adx, double adxValue = 30, double atr = 2)
    {
        var (close, fast, mid, slow) = ema switch
        {
            1 => (105.0, 104.0, 103.0, 100.0),
            -1 => (95.0, 96.0, 97.0, 100.0),
            _ => (100.0, 101.0, 99.0, 100.0),
        };
        var (adxAt, plusDi, minusDi) = adx switch
        {
            1 => (adxValue, 30.0, 15.0),
            -1 => (adxValue, 15.0, 30.0),
            _ => (15.0, 20.0, 20.0),
        };
        return Values(close, fast, mid, slow, rsi: 50 + (10 * rsi), macdHistogram: 0.5 * macd, adx: adxAt, plusDi: plusDi, minusDi: minusDi, atr: atr);
    }

    public static IndicatorValues Bullish(double adx = 30, double atr = 2) => FromVotes(1, 1, 1, 1, adx, atr);

    public static IndicatorValues Bearish(double adx = 30, double atr = 2) => FromVotes(-1, -1, -1, -1, adx, atr);

    public static PairSnapshot PairAt(Pair pair, decimal price, params (Timeframe Timeframe, IndicatorValues Values)[] timeframes) =>
        new(pair, Now, price, timeframes
            .Select(t => new TimeframeSnapshot(t.Timeframe, t.Values, SignalClassifier.Classify(t.Values, t.Timeframe)))
            .ToList());

    /// <summary>A pair snapshot at the close of <paramref name="h1"/> with only a 1h timeframe.</summary>
    public static PairSnapshot PairAt(Pair pair, IndicatorValues h1) => PairAt(pair, (decimal)h1.Close, (Timeframe.H1, h1));

    public static Position Long(Pair pair, decimal entry = 100m) =>
        new(pair, PositionSide.Long, 1m, entry, 1m, Now.AddDays(-1), null, null, entry, entry, entry, 0m);

    public static Position Short(Pair pair, decimal entry = 100m) => Long(pair, entry) with { Side = PositionSide.Short };

    public static PortfolioSnapshot PortfolioOf(params Position[] positions) =>
        new("paper:test", Now, new Dictionary<Asset, decimal> { [Asset.USDT] = 10_000m }, positions,
            10_000m, 10_000m, 0m, 10_000m, 0m, 0m, 0);

    public static DecisionContext Context(IEnumerable<PairSnapshot> pairs, PortfolioSnapshot? portfolio = null, IReadOnlyList<TradeDecision>? recent = null) =>
        new(Now, new MarketSnapshot(Now, pairs.ToList()), portfolio ?? PortfolioOf(), TradingConstraints.Default, recent ?? []);

    public static DecisionContext Context(PairSnapshot pair, PortfolioSnapshot? portfolio = null) => Context([pair], portfolio);

    /// <summary>Runs a rule-based model, which must complete synchronously, and returns its decisions.</summary>
    public static IReadOnlyList<TradeDecision> DecideNow(IDecisionModel model, DecisionContext context)
    {
        var pending = model.DecideAsync(context, TestContext.Current.CancellationToken);
        pending.IsCompletedSuccessfully.ShouldBeTrue($"{model.Id} must complete synchronously");
        return pending.Result;
    }

    /// <summary>A 1-minute candle at <paramref name="timestamp"/> opening and closing at <paramref name="close"/>,
    /// high and low 1 away (1% away below a price of 10).</summary>
    public static Candle Minute(DateTime timestamp, decimal close, decimal volume = 1m)
    {
        var spread = close >= 10m ? 1m : close / 100m;
        return new(timestamp, close, close + spread, close - spread, close, volume, 1);
    }
}
