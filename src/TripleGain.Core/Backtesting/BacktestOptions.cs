using TripleGain.Core.Agents;
using TripleGain.Core.Configuration;
using TripleGain.Core.Exchange;
using TripleGain.Core.Indicators;
using TripleGain.Core.Market;
using TripleGain.Core.Metrics;
using TripleGain.Core.Portfolio;

namespace TripleGain.Core.Backtesting;

/// <summary>
/// The settings of one backtest run (see <see cref="BacktestEngine"/> for what each interval does). Defaults are the
/// seed's paper configuration (<see cref="TradingConfig.PaperDefault"/>); <see cref="FromConfig"/> takes a loaded one.
/// </summary>
public sealed record BacktestOptions
{
    /// <summary>Open time (UTC) of the first candle replayed.</summary>
    public required DateTime From { get; init; }

    /// <summary>End (UTC, exclusive): candles opened before it are replayed.</summary>
    public required DateTime To { get; init; }

    /// <summary>The pairs the model trades (tracked, snapshotted, decided on); null = every pair the source serves.
    /// The source's other pairs still price the account (e.g. BTC/USDT values an XRP/BTC position).</summary>
    public IReadOnlyList<Pair>? Pairs { get; init; }

    /// <summary>The account's starting balances (trading.starting_capital; the seed's 1,000 USDT + 500 XRP).</summary>
    public IReadOnlyDictionary<Asset, decimal> StartingBalances { get; init; } = TradingConfig.PaperDefault.StartingCapital;

    public TradingConstraints Constraints { get; init; } = TradingConfig.PaperDefault.Constraints;

    /// <summary>Pair metadata and fees (trading.fees via <see cref="PairCatalog.WithFees"/>).</summary>
    public PairCatalog Catalog { get; init; } = PairCatalog.Kraken;

    /// <summary>The paper exchange's slippage (trading.slippage_bps).</summary>
    public PaperExchangeSettings Exchange { get; init; } = PaperExchangeSettings.Default;

    /// <summary>cycle.interval_seconds: how often equity is marked (and the peak for the drawdown limit updated).</summary>
    public TimeSpan CycleInterval { get; init; } = TradingConfig.PaperDefault.Cycle.Interval;

    /// <summary>cycle.llm_query_interval_seconds: how often the model decides; a whole multiple of <see cref="CycleInterval"/>.</summary>
    public TimeSpan DecisionInterval { get; init; } = TradingConfig.PaperDefault.Cycle.DecisionInterval;

    /// <summary>Spacing of the equity curve's points (aligned to UTC); a whole multiple of <see cref="CycleInterval"/>.</summary>
    public TimeSpan EquityInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The timeframes the tracker aggregates and computes indicators for; null = <see cref="TimeframesFor"/> the model.</summary>
    public IReadOnlyList<Timeframe>? Timeframes { get; init; }

    /// <summary>Completed candles the tracker remembers per timeframe (for models that read candles).</summary>
    public int WindowSize { get; init; } = TrackerSettings.Default.WindowSize;

    public IndicatorSettings Indicators { get; init; } = IndicatorSettings.Default;

    /// <summary>The account's maximum leverage (the risk agent's max_leverage limits it further).</summary>
    public decimal AccountMaxLeverage { get; init; } = Account.DefaultMaxLeverage;

    /// <summary>How many of the latest decisions the model sees as <see cref="DecisionContext.RecentDecisions"/>.</summary>
    public int RecentDecisions { get; init; } = 12;

    public string AccountId { get; init; } = "backtest";

    public MetricsOptions Metrics { get; init; } = MetricsOptions.Default;

    /// <summary>The options of a loaded configuration: pairs, starting capital, constraints, fees, slippage and the cycle intervals.</summary>
    public static BacktestOptions FromConfig(TradingConfig config, DateTime from, DateTime to)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new BacktestOptions
        {
            From = from,
            To = to,
            Pairs = config.Pairs,
            StartingBalances = config.StartingCapital,
            Constraints = config.Constraints,
            Catalog = PairCatalog.Kraken.WithFees(config.MakerFee, config.TakerFee),
            Exchange = new PaperExchangeSettings(config.SlippageBps),
            CycleInterval = config.Cycle.Interval,
            DecisionInterval = config.Cycle.DecisionInterval,
        };
    }

    /// <summary>
    /// The timeframes a model reads, so that the tracker computes nothing else (the per-candle cost grows with each
    /// timeframe): the primary timeframe of <see cref="BaselineModel"/>; 1d for <see cref="BuyAndHoldModel"/>, which reads no
    /// indicator (the cheapest timeframe to keep); every timeframe for any other model (an LLM reads them all).
    /// </summary>
    public static IReadOnlyList<Timeframe> TimeframesFor(IDecisionModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model switch
        {
            BaselineModel baseline => [baseline.Settings.PrimaryTimeframe],
            BuyAndHoldModel => [Timeframe.D1],
            _ => TrackerSettings.Default.Timeframes,
        };
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the setting, the value and the rule.</summary>
    public void Validate()
    {
        if (From.Kind == DateTimeKind.Local || To.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException($"Backtest times must be UTC, not local: from {From:O}, to {To:O}.", nameof(From));
        }

        if (To <= From)
        {
            throw new ArgumentException($"The backtest end {Iso(To)} must be after its start {Iso(From)}.", nameof(To));
        }

        if (StartingBalances is null || StartingBalances.Count == 0 || StartingBalances.Values.All(v => v == 0m))
        {
            throw new ArgumentException("The starting balances are empty: the account needs some capital.", nameof(StartingBalances));
        }

        foreach (var (asset, amount) in StartingBalances)
        {
            if (amount < 0m)
            {
                throw new ArgumentException($"The starting balance of {asset} is {amount}: it must not be negative.", nameof(StartingBalances));
            }
        }

        ArgumentNullException.ThrowIfNull(Constraints, nameof(Constraints));
        ArgumentNullException.ThrowIfNull(Catalog, nameof(Catalog));
        ArgumentNullException.ThrowIfNull(Exchange, nameof(Exchange));
        ArgumentNullException.ThrowIfNull(Indicators, nameof(Indicators));
        ArgumentNullException.ThrowIfNull(Metrics, nameof(Metrics));
        Exchange.Validate();
        RequireInterval(CycleInterval, nameof(CycleInterval), TimeSpan.Zero);
        RequireInterval(DecisionInterval, nameof(DecisionInterval), CycleInterval);
        RequireInterval(EquityInterval, nameof(EquityInterval), CycleInterval);

        if (Pairs is { Count: 0 })
        {
            throw new ArgumentException("BacktestOptions.Pairs is empty: trade at least one pair (or null for all the source serves).", nameof(Pairs));
        }

        if (WindowSize < 1)
        {
            throw new ArgumentException($"BacktestOptions.WindowSize = {WindowSize} must be at least 1.", nameof(WindowSize));
        }

        if (RecentDecisions < 0)
        {
            throw new ArgumentException($"BacktestOptions.RecentDecisions = {RecentDecisions} must not be negative.", nameof(RecentDecisions));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(AccountId, nameof(AccountId));
    }

    private static void RequireInterval(TimeSpan interval, string name, TimeSpan multipleOf)
    {
        if (interval <= TimeSpan.Zero || interval.Ticks % TimeSpan.TicksPerSecond != 0 || interval > TimeSpan.FromDays(1))
        {
            throw new ArgumentException($"BacktestOptions.{name} = {interval} must be a whole number of seconds from 1 s to 1 day.", name);
        }

        if (multipleOf > TimeSpan.Zero && interval.Ticks % multipleOf.Ticks != 0)
        {
            throw new ArgumentException($"BacktestOptions.{name} = {interval.TotalSeconds} s must be a whole multiple of the cycle interval ({multipleOf.TotalSeconds} s).", name);
        }
    }

    private static string Iso(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
