using TripleGain.Core.Market;

namespace TripleGain.Core.Stages;

/// <summary>
/// The configurable figures of <see cref="StageRules"/>. Defaults follow the seed:
/// <code>
///                         phase 2 (paper)      phase 3 micro-live ($100)    phase 4 scale ($200..$2,100)
/// pairs                   all three            BTC/USDT, XRP/USDT           all three
/// max trades per day      10                   5                            10
/// max single order        (paper config)       50% of capital = $50         25% of capital ($50..$525)
/// human approval          none                 wk 1 every trade; wk 2 &gt; $25; wk 3+ none     none
/// approval expiry         30 min (safety.approval_timeout_minutes)
/// model auto-switch       phase 2 only         never                        only if AutoSwitchInScale
/// new accounts start in   phase 2 (StartPhase; stages.start_phase in the configuration: 1 or 2)
/// </code>
/// Phase 1 (foundation) places no trades at all: see <see cref="StageRules.FoundationHaltReason"/>.
/// Micro-live allows 50% rather than 25% of its $100 per order (live_trading_config.yaml: max_single_order_usd 50):
/// with 25% no order could exceed $25 and week 2's "trades over $25 need approval" would never apply. XRP/BTC waits for
/// phase 4: at $100 a cross pair needs BTC inventory the account does not hold, and its minimum order is a large share
/// of the capital.
/// </summary>
public sealed record StageRuleSettings
{
    public static StageRuleSettings Default { get; } = new();

    /// <summary>How long a trade waits for a person before it expires.</summary>
    public TimeSpan ApprovalExpiry
    {
        get;
        init => field = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(ApprovalExpiry), value, "ApprovalExpiry must be positive.");
    } = TimeSpan.FromMinutes(30);

    /// <summary>In week 2 of phase 3, trades over this notional (USD) need approval; exactly this amount does not.</summary>
    public decimal Week2ApprovalAboveUsd
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Week2ApprovalAboveUsd), value, "Week2ApprovalAboveUsd must not be negative.");
    } = 25m;

    /// <summary>Max single order in phase 3 as a fraction of the stage's capital.</summary>
    public decimal MicroLiveMaxOrderFraction
    {
        get;
        init => field = value is > 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MicroLiveMaxOrderFraction), value, "MicroLiveMaxOrderFraction must lie in (0, 1].");
    } = 0.5m;

    /// <summary>Max single order in phase 4 as a fraction of the stage's capital.</summary>
    public decimal ScaleMaxOrderFraction
    {
        get;
        init => field = value is > 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(ScaleMaxOrderFraction), value, "ScaleMaxOrderFraction must lie in (0, 1].");
    } = 0.25m;

    public int PaperMaxTradesPerDay
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(PaperMaxTradesPerDay), value, "PaperMaxTradesPerDay must be at least 1.");
    } = 10;

    public int MicroLiveMaxTradesPerDay
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MicroLiveMaxTradesPerDay), value, "MicroLiveMaxTradesPerDay must be at least 1.");
    } = 5;

    public int ScaleMaxTradesPerDay
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(ScaleMaxTradesPerDay), value, "ScaleMaxTradesPerDay must be at least 1.");
    } = 10;

    public IReadOnlyList<Pair> PaperPairs
    {
        get;
        init => field = CheckPairs(value, nameof(PaperPairs));
    } = Pair.All;

    public IReadOnlyList<Pair> MicroLivePairs
    {
        get;
        init => field = CheckPairs(value, nameof(MicroLivePairs));
    } = [Pair.BtcUsdt, Pair.XrpUsdt];

    public IReadOnlyList<Pair> ScalePairs
    {
        get;
        init => field = CheckPairs(value, nameof(ScalePairs));
    } = Pair.All;

    /// <summary>
    /// The phase a new account starts in: <see cref="Phase.PaperTrading"/> (the default) or <see cref="Phase.Foundation"/>
    /// (no trades until a person promotes it to paper trading). Live phases are reached only by promotion.
    /// </summary>
    public Phase StartPhase
    {
        get;
        init => field = value is Phase.Foundation or Phase.PaperTrading
            ? value
            : throw new ArgumentOutOfRangeException(nameof(StartPhase), value, "StartPhase must be Foundation (1) or PaperTrading (2): live phases are reached by promotion.");
    } = Phase.PaperTrading;

    /// <summary>Whether phase 4 may switch the live model automatically; off by default (a person switches it).</summary>
    public bool AutoSwitchInScale { get; init; }

    private static IReadOnlyList<Pair> CheckPairs(IReadOnlyList<Pair> pairs, string name)
    {
        ArgumentNullException.ThrowIfNull(pairs, name);
        if (pairs.Count == 0)
        {
            throw new ArgumentException($"{name} is empty: a trading phase needs at least one pair.", name);
        }

        foreach (var pair in pairs)
        {
            if (!Pair.All.Contains(pair))
            {
                throw new ArgumentException($"{name} contains {pair}, which is not one of {string.Join(", ", Pair.All)}.", name);
            }
        }

        return [.. pairs.Distinct()];
    }
}
