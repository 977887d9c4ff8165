namespace TripleGain.Core.Stages;

/// <summary>
/// The seed's exit gates, one per step of the ladder. All thresholds in one table (fractions shown as %):
/// <code>
/// criterion        metric                     1->2  2->3 (paper->$100)  $100->$200  $200->$500  $500->$1,000  $1,000->$2,100
/// paper-days       PaperTradingDays  &gt;=        -     30                  -           -           -             -
/// days-at-stage    DaysAtStage       &gt;=        -     -                   28          14          21            30
/// trades           TradeCount        &gt;=        -     20                  20          20          30            40
/// sharpe           Sharpe            &gt;=        -     1.0                 -           -           1.0           1.0
/// max-drawdown     MaxDrawdown       &lt;=        -     15%                 10%         10%         10%           10%
/// win-rate         WinRate           &gt;=        -     45%                 -           -           -             -
/// profit-factor    ProfitFactor      &gt;=        -     1.3                 -           -           -             -
/// live-pnl         LivePnlUsd        &gt;=        -     -                   $0          $0          $0            $0
/// slippage         AverageSlippage   &lt;=        -     -                   0.5%        0.5%        0.5%          0.5%
/// fill-rate        FillRate          &gt;=        -     -                   95%         95%         95%           95%
/// uptime           Uptime            &gt;=        -     99%                 99%         99%         99%           99%
/// latency-p95      DecisionLatencyP95 &lt;=       -     10 s                10 s        10 s        10 s          10 s
/// parse-success    ParseSuccessRate  &gt;=        -     98%                 98%         98%         98%           98%
/// </code>
/// For the paper -> micro-live gate the performance figures are the best model's paper account; for the live gates
/// they are the live account's since the current capital stage began (<see cref="GateInputs"/>). The live drawdown
/// threshold (10%) is the rollback threshold: a stage that reached it has been rolled back already. Sharpe is only
/// asked for from $500 up, when 3+ weeks of live returns make it more than noise.
/// Manual items: see each gate (<see cref="ManualGateItem.Description"/>).
/// </summary>
public static class PhaseGates
{
    private static readonly GateCriterion Uptime = new("uptime", "Silo and cycle uptime", GateMetric.Uptime, GateComparison.AtLeast, 0.99);
    private static readonly GateCriterion LatencyP95 = new("latency-p95", "Decision latency p95 (seconds)", GateMetric.DecisionLatencyP95Seconds, GateComparison.AtMost, 10);
    private static readonly GateCriterion ParseSuccess = new("parse-success", "Decision parse success rate", GateMetric.ParseSuccessRate, GateComparison.AtLeast, 0.98);
    private static readonly GateCriterion LiveDrawdown = new("max-drawdown", "Max drawdown of the live account at this stage", GateMetric.MaxDrawdown, GateComparison.AtMost, 0.10);
    private static readonly GateCriterion LivePnl = new("live-pnl", "Live P&L at this stage (USD)", GateMetric.LivePnlUsd, GateComparison.AtLeast, 0);
    private static readonly GateCriterion Slippage = new("slippage", "Average slippage of live fills", GateMetric.AverageSlippage, GateComparison.AtMost, 0.005);
    private static readonly GateCriterion FillRate = new("fill-rate", "Share of live orders filled", GateMetric.FillRate, GateComparison.AtLeast, 0.95);
    private static readonly ManualGateItem Reconciled = new("balances-reconciled", "Balances, orders and fills reconciled with Kraken's account history");

    /// <summary>Phase 1 -> phase 2: manual checks only.</summary>
    public static PhaseGate FoundationToPaper { get; } = new(
        "foundation-to-paper",
        StagePosition.Foundation,
        StagePosition.PaperTrading,
        [],
        [
            new("config-validated", "Paper trading configuration reviewed and validated at start-up"),
            new("backtests-reviewed", "Backtests of the baseline and buy-and-hold models run and reviewed"),
            new("journal-verified", "The decision journal records decisions, orders, fills and equity"),
        ]);

    /// <summary>Phase 2 -> phase 3 ($100 micro-live): 30+ days of paper trading and the best model's figures.</summary>
    public static PhaseGate PaperToMicroLive { get; } = new(
        "paper-to-micro-live",
        StagePosition.PaperTrading,
        StagePosition.MicroLive100,
        [
            new("paper-days", "Days of paper trading", GateMetric.PaperTradingDays, GateComparison.AtLeast, 30),
            new("trades", "Closed trades of the best model", GateMetric.TradeCount, GateComparison.AtLeast, 20),
            new("sharpe", "Sharpe ratio of the best model", GateMetric.Sharpe, GateComparison.AtLeast, 1.0),
            new("max-drawdown", "Max drawdown of the best model", GateMetric.MaxDrawdown, GateComparison.AtMost, 0.15),
            new("win-rate", "Win rate of the best model", GateMetric.WinRate, GateComparison.AtLeast, 0.45),
            new("profit-factor", "Profit factor of the best model", GateMetric.ProfitFactor, GateComparison.AtLeast, 1.3),
            Uptime,
            LatencyP95,
            ParseSuccess,
        ],
        [
            new("incident-response-plan", "Incident response plan documented (who is called, how to stop, how to flatten)"),
            new("emergency-stop-tested", "Emergency stop tested: it halts the cycle, cancels orders and survives a restart"),
            new("api-keys-trade-only", "Kraken API key restricted to query and trade: no withdrawal permission"),
            new("backups-verified", "Backups of the journal and grain state restored and verified"),
            new("alerts-verified", "Drawdown and error alerts reach the operator"),
            new("funded-100", "$100 deposited at Kraken for micro-live"),
        ]);

    /// <summary>Phase 3 $100 -> phase 4 $200: the four weeks of micro-live completed cleanly.</summary>
    public static PhaseGate MicroLiveToScale { get; } = new(
        "micro-live-to-scale-200",
        StagePosition.MicroLive100,
        StagePosition.Scale200,
        LiveCriteria(days: 28, trades: 20, sharpe: null),
        [
            new("approvals-reviewed", "Every supervised trade of weeks 1-2 reviewed against the model's reasoning"),
            new("emergency-stop-tested-live", "Emergency stop tested on the live account: open orders cancelled"),
            Reconciled,
            new("funded-200", "$200 available at Kraken"),
        ]);

    /// <summary>$200 -> $500.</summary>
    public static PhaseGate Scale200To500 { get; } = new(
        "scale-200-to-500",
        StagePosition.Scale200,
        StagePosition.Scale500,
        LiveCriteria(days: 14, trades: 20, sharpe: null),
        [Reconciled, new("funded-500", "$500 available at Kraken")]);

    /// <summary>$500 -> $1,000.</summary>
    public static PhaseGate Scale500To1000 { get; } = new(
        "scale-500-to-1000",
        StagePosition.Scale500,
        StagePosition.Scale1000,
        LiveCriteria(days: 21, trades: 30, sharpe: 1.0),
        [Reconciled, new("funded-1000", "$1,000 available at Kraken")]);

    /// <summary>$1,000 -> $2,100 (full capital).</summary>
    public static PhaseGate Scale1000To2100 { get; } = new(
        "scale-1000-to-2100",
        StagePosition.Scale1000,
        StagePosition.Scale2100,
        LiveCriteria(days: 30, trades: 40, sharpe: 1.0),
        [
            Reconciled,
            new("full-capital-rules-reviewed", "Operator reviewed the full-capital rule: a 15% drawdown halves to $1,000"),
            new("funded-2100", "$2,100 available at Kraken"),
        ]);

    /// <summary>Every gate in ladder order.</summary>
    public static IReadOnlyList<PhaseGate> All { get; } =
        [FoundationToPaper, PaperToMicroLive, MicroLiveToScale, Scale200To500, Scale500To1000, Scale1000To2100];

    /// <summary>The gate out of <paramref name="from"/>, or null at $2,100 (the last stage).</summary>
    public static PhaseGate? For(StagePosition from)
    {
        foreach (var gate in All)
        {
            if (gate.From == from)
            {
                return gate;
            }
        }

        return null;
    }

    private static GateCriterion[] LiveCriteria(double days, double trades, double? sharpe)
    {
        List<GateCriterion> criteria =
        [
            new("days-at-stage", "Days at this capital stage", GateMetric.DaysAtStage, GateComparison.AtLeast, days),
            new("trades", "Closed live trades at this stage", GateMetric.TradeCount, GateComparison.AtLeast, trades),
        ];
        if (sharpe is { } s)
        {
            criteria.Add(new("sharpe", "Sharpe ratio of the live account at this stage", GateMetric.Sharpe, GateComparison.AtLeast, s));
        }

        criteria.AddRange([LiveDrawdown, LivePnl, Slippage, FillRate, Uptime, LatencyP95, ParseSuccess]);
        return [.. criteria];
    }
}
