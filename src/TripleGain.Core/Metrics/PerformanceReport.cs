namespace TripleGain.Core.Metrics;

/// <summary>
/// Performance of an account over a period, from its equity curve and its closed trades (<see cref="Compute"/>).
/// <para><b>Units.</b> Returns, rates, drawdown depth, win rate and exposure are fractions (0.05 = 5 %); money is USD
/// <c>decimal</c>; statistics are <c>double</c>. A statistic that is undefined for the input is <c>null</c>, never NaN
/// or infinity.</para>
/// <para><b>Equity statistics</b> come from one return per UTC calendar day (<see cref="EquityCurve.DailyReturns"/>:
/// the last equity of each day, days without points carried forward, the first day measured from the first point),
/// annualised with <see cref="PeriodsPerYear"/> (default 365):
/// volatility = stdev(ddof 1) x sqrt(p); CAGR = prod(1 + r)^(p / days) - 1;
/// Sharpe = mean(r - rf) / stdev(r - rf, ddof 1) x sqrt(p), null with fewer than two days or a zero stdev;
/// Sortino = mean(r - rf) / sqrt(sum(min(r - rf, 0)^2) / n) x sqrt(p), null with fewer than two days or no day below rf
/// (rf = the daily risk-free rate from <see cref="MetricsOptions.AnnualRiskFreeRate"/>).
/// The max drawdown is geometric and measured on every point of the curve with the first point as the first peak
/// (<see cref="Drawdowns.Max"/>); Calmar = CAGR / max drawdown depth, null without a drawdown.</para>
/// <para><b>Trade statistics</b> use <see cref="ClosedTrade.PnlUsd"/> (net of fees): a win has PnL &gt; 0, a loss PnL &lt; 0,
/// PnL = 0 is neither. Win rate = wins / trades. Profit factor = gross profit / gross loss; it is null without trades
/// and without losing trades, and then <see cref="ProfitFactorUnbounded"/> is true when there was at least one win (the
/// ratio would be +infinity). Expectancy = mean PnL per trade (= win rate x average win - loss rate x average loss);
/// the expectancy ratio is freqtrade's (1 + average win / average loss) x win rate - 1, null without losing trades.
/// Exposure = the time covered by the union of the trades' [entry, exit] intervals, clipped to [Start, End], over
/// End - Start (null when the period is empty). Average hold time = mean of exit - entry.</para>
/// </summary>
public sealed record PerformanceReport
{
    /// <summary>Time of the first equity point.</summary>
    public required DateTime Start { get; init; }

    /// <summary>Time of the last equity point.</summary>
    public required DateTime End { get; init; }

    /// <summary>Number of UTC calendar days (= daily returns) from the first point's day to the last point's day.</summary>
    public required int Days { get; init; }

    /// <summary>Equity of the first point.</summary>
    public required decimal StartEquity { get; init; }

    /// <summary>Equity of the last point.</summary>
    public required decimal EndEquity { get; init; }

    /// <summary>End equity / start equity - 1.</summary>
    public required double TotalReturn { get; init; }

    /// <summary>Compound annual growth rate of the daily returns: (end / start equity)^(PeriodsPerYear / Days) - 1.</summary>
    public required double Cagr { get; init; }

    /// <summary>Annualised volatility of the daily returns; null with fewer than two days.</summary>
    public required double? AnnualVolatility { get; init; }

    /// <summary>Annualised Sharpe ratio of the daily returns; null with fewer than two days or a zero standard deviation.</summary>
    public required double? Sharpe { get; init; }

    /// <summary>Annualised Sortino ratio of the daily returns; null with fewer than two days or no day below the risk-free rate.</summary>
    public required double? Sortino { get; init; }

    /// <summary>The deepest drawdown in percent, with its USD amount and dates; null when the equity never fell below a previous peak.</summary>
    public required DrawdownPeriod? MaxDrawdown { get; init; }

    /// <summary>Depth of <see cref="MaxDrawdown"/> as a positive fraction, 0 without a drawdown.</summary>
    public double MaxDrawdownDepth => MaxDrawdown?.Depth ?? 0;

    /// <summary>USD amount of <see cref="MaxDrawdown"/> (peak minus trough), 0 without a drawdown.</summary>
    public decimal MaxDrawdownUsd => MaxDrawdown?.AmountUsd ?? 0;

    /// <summary>CAGR / max drawdown depth; null without a drawdown.</summary>
    public required double? Calmar { get; init; }

    /// <summary>Number of closed trades.</summary>
    public required int TradeCount { get; init; }

    /// <summary>Trades with PnL &gt; 0 (net of fees).</summary>
    public required int WinningTrades { get; init; }

    /// <summary>Trades with PnL &lt; 0 (net of fees).</summary>
    public required int LosingTrades { get; init; }

    /// <summary>Winning trades / all trades; null without trades.</summary>
    public required double? WinRate { get; init; }

    /// <summary>Sum of the winning trades' PnL.</summary>
    public required decimal GrossProfitUsd { get; init; }

    /// <summary>Sum of the losing trades' PnL, as a positive amount.</summary>
    public required decimal GrossLossUsd { get; init; }

    /// <summary>Sum of all trades' PnL (net of fees).</summary>
    public required decimal NetProfitUsd { get; init; }

    /// <summary>Sum of all trades' fees (already included in their PnL).</summary>
    public required decimal FeesUsd { get; init; }

    /// <summary>Gross profit / gross loss; null without trades or without losing trades (see <see cref="ProfitFactorUnbounded"/>).</summary>
    public required double? ProfitFactor { get; init; }

    /// <summary>True when there were winning trades but no losing trade: the profit factor would be +infinity and is reported as null.</summary>
    public required bool ProfitFactorUnbounded { get; init; }

    /// <summary>Mean PnL per trade in USD; null without trades.</summary>
    public required decimal? ExpectancyUsd { get; init; }

    /// <summary>freqtrade's expectancy ratio (1 + average win / average loss) x win rate - 1; null without losing trades.</summary>
    public required double? ExpectancyRatio { get; init; }

    /// <summary>Share of [Start, End] with at least one open position; 0 without trades, null when Start = End.</summary>
    public required double? Exposure { get; init; }

    /// <summary>Mean time from entry to exit; null without trades.</summary>
    public required TimeSpan? AverageHoldTime { get; init; }

    /// <summary>The periods per year used to annualise (from <see cref="MetricsOptions"/>).</summary>
    public required int PeriodsPerYear { get; init; }

    /// <summary>The annual risk-free rate used (from <see cref="MetricsOptions"/>).</summary>
    public required double AnnualRiskFreeRate { get; init; }

    /// <summary>
    /// Computes the report. <paramref name="equity"/>: at least one point, in time order, positive equity (see
    /// <see cref="EquityCurve.Validate"/>); its first point is the starting equity and the period runs from its first
    /// to its last point. <paramref name="trades"/>: the trades closed in that period, in any order. Invalid input
    /// throws an <see cref="ArgumentException"/> naming the index, the value and the rule.
    /// </summary>
    public static PerformanceReport Compute(
        IReadOnlyList<EquityPoint> equity,
        IReadOnlyList<ClosedTrade> trades,
        MetricsOptions? options = null)
    {
        EquityCurve.Validate(equity);
        TradeStatistics.Validate(trades);
        options ??= MetricsOptions.Default;
        var p = options.PeriodsPerYear;
        var riskFree = options.RiskFreePerPeriod;

        var days = EquityCurve.DailyReturnsOfValid(equity);
        var returns = new double[days.Length];
        for (var i = 0; i < days.Length; i++)
        {
            returns[i] = days[i].Return;
        }

        var first = equity[0];
        var last = equity[^1];
        var cagr = Returns.Cagr(returns, p).GetValueOrDefault();
        var drawdown = Drawdowns.MaxOfValid(equity, DrawdownMeasure.Relative);
        var stats = TradeStatistics.Compute(trades, first.Timestamp, last.Timestamp);

        return new PerformanceReport
        {
            Start = first.Timestamp,
            End = last.Timestamp,
            Days = days.Length,
            StartEquity = first.Equity,
            EndEquity = last.Equity,
            TotalReturn = (double)(last.Equity / first.Equity) - 1,
            Cagr = cagr,
            AnnualVolatility = Returns.AnnualVolatility(returns, p),
            Sharpe = Returns.Sharpe(returns, p, riskFree),
            Sortino = Returns.Sortino(returns, p, riskFree),
            MaxDrawdown = drawdown,
            Calmar = drawdown is null ? null : cagr / drawdown.Depth,
            TradeCount = stats.TradeCount,
            WinningTrades = stats.WinningTrades,
            LosingTrades = stats.LosingTrades,
            WinRate = stats.WinRate,
            GrossProfitUsd = stats.GrossProfitUsd,
            GrossLossUsd = stats.GrossLossUsd,
            NetProfitUsd = stats.NetProfitUsd,
            FeesUsd = stats.FeesUsd,
            ProfitFactor = stats.ProfitFactor,
            ProfitFactorUnbounded = stats.ProfitFactorUnbounded,
            ExpectancyUsd = stats.ExpectancyUsd,
            ExpectancyRatio = stats.ExpectancyRatio,
            Exposure = stats.Exposure,
            AverageHoldTime = stats.AverageHoldTime,
            PeriodsPerYear = p,
            AnnualRiskFreeRate = options.AnnualRiskFreeRate,
        };
    }
}
