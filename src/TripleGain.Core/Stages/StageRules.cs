using System.Globalization;
using TripleGain.Core.Agents;
using TripleGain.Core.Market;

namespace TripleGain.Core.Stages;

/// <summary>
/// The rules in force for a <see cref="StageStatus"/> at a given time (<see cref="For"/>); the figures come from
/// <see cref="StageRuleSettings"/> (see there for the table).
/// <list type="bullet">
/// <item>Trading is halted while the emergency stop or a pause is active: no pairs, no trades, no models run.</item>
/// <item>Phase 1 (foundation: backtests and review) places no trades: no pairs, no models, halt reason
/// <see cref="FoundationHaltReason"/>, until a person ticks the foundation-to-paper checklist and promotes the account.</item>
/// <item>Phase 2 paper-trades every active model on all three pairs; no live capital limit (the paper configuration
/// sets the accounts' capital).</item>
/// <item>Phase 3 trades BTC/USDT and XRP/USDT with $100; week 1 every trade needs a person's approval, week 2 trades
/// over $25 (exactly $25 does not), week 3 on none.</item>
/// <item>Phase 4 trades all three pairs (XRP/BTC included) within the capital stage, without approval.</item>
/// </list>
/// The silo applies them on top of the configuration with <see cref="ApplyTo"/>: the stricter limit wins.
/// </summary>
public sealed record StageRules
{
    /// <summary>Why an account in phase 1 does not trade (shown on the overview and in the cycle's halted list).</summary>
    public const string FoundationHaltReason = "phase 1 foundation: promote to paper trading to start";

    private StageRules()
    {
    }

    public required StagePosition Position { get; init; }

    /// <summary>Week within the phase (1-based, 7-day periods from its start).</summary>
    public required int WeekOfPhase { get; init; }

    /// <summary>False while the emergency stop or a pause is active, and in phase 1 (foundation).</summary>
    public required bool TradingAllowed { get; init; }

    /// <summary>Why trading is halted; null when allowed.</summary>
    public required string? HaltReason { get; init; }

    /// <summary>Pairs that may be traded; empty while halted.</summary>
    public required IReadOnlyList<Pair> AllowedPairs { get; init; }

    /// <summary>Live capital of the stage in USD; null in phases 1-2 (paper).</summary>
    public required decimal? CapitalLimitUsd { get; init; }

    /// <summary>Max orders per UTC day; 0 while halted.</summary>
    public required int MaxTradesPerDay { get; init; }

    /// <summary>Max notional of one order in USD (a fraction of the stage's capital); null in paper, 0 while halted.</summary>
    public required decimal? MaxSingleOrderUsd { get; init; }

    /// <summary>Every trade waits for a person (phase 3, week 1).</summary>
    public required bool ApproveEveryTrade { get; init; }

    /// <summary>Trades over this notional wait for a person (phase 3, week 2); null when no threshold applies.</summary>
    public required decimal? ApprovalAboveUsd { get; init; }

    /// <summary>How long a waiting trade stays approvable.</summary>
    public required TimeSpan ApprovalExpiry { get; init; }

    /// <summary>Whether the best model may be switched automatically at this stage (the configuration must allow it too).</summary>
    public required bool AutoSwitchAllowed { get; init; }

    /// <summary>Which models run.</summary>
    public required ModelLineup Lineup { get; init; }

    /// <summary>"every trade needs approval (phase 3, week 1)", for the operator.</summary>
    public string ApprovalRule =>
        ApproveEveryTrade ? $"every trade needs approval ({Position.Phase}, week {WeekOfPhase})"
        : ApprovalAboveUsd is { } above ? string.Create(CultureInfo.InvariantCulture, $"trades over ${above} need approval ({Position.Phase}, week {WeekOfPhase})")
        : "no approval needed";

    /// <summary>The rules of <paramref name="status"/> at <paramref name="now"/> (UTC).</summary>
    public static StageRules For(StageStatus status, DateTime now, StageRuleSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        settings ??= StageRuleSettings.Default;
        var position = status.Position;
        var week = status.WeekOfPhase(now);
        var capital = position.IsLive ? position.CapitalUsd : (decimal?)null;

        var (pairs, tradesPerDay, orderFraction) = position.Phase switch
        {
            Phase.MicroLive => (settings.MicroLivePairs, settings.MicroLiveMaxTradesPerDay, settings.MicroLiveMaxOrderFraction),
            Phase.Scale => (settings.ScalePairs, settings.ScaleMaxTradesPerDay, settings.ScaleMaxOrderFraction),
            _ => (settings.PaperPairs, settings.PaperMaxTradesPerDay, (decimal?)null),
        };

        var haltReason =
            status.Stop is { } stop ? $"emergency stop by {stop.By} at {stop.At.ToString("O", CultureInfo.InvariantCulture)}: {stop.Reason}"
            : status.Pause is { } pause ? $"paused by {pause.By} at {pause.At.ToString("O", CultureInfo.InvariantCulture)}: {pause.Reason}"
            : position.Phase == Phase.Foundation ? FoundationHaltReason
            : null;
        var halted = haltReason is not null;

        return new StageRules
        {
            Position = position,
            WeekOfPhase = week,
            TradingAllowed = !halted,
            HaltReason = haltReason,
            AllowedPairs = halted ? [] : pairs,
            CapitalLimitUsd = capital,
            MaxTradesPerDay = halted ? 0 : tradesPerDay,
            MaxSingleOrderUsd = halted ? 0 : capital * orderFraction,
            ApproveEveryTrade = position.Phase == Phase.MicroLive && week == 1,
            ApprovalAboveUsd = position.Phase == Phase.MicroLive && week == 2 ? settings.Week2ApprovalAboveUsd : null,
            ApprovalExpiry = settings.ApprovalExpiry,
            AutoSwitchAllowed = !halted && (position.Phase == Phase.PaperTrading || (position.Phase == Phase.Scale && settings.AutoSwitchInScale)),
            Lineup = halted ? ModelLineup.None : position.IsLive ? ModelLineup.BestWithFallback : ModelLineup.AllActive,
        };
    }

    /// <summary>Whether <paramref name="pair"/> may be traded now.</summary>
    public bool AllowsPair(Pair pair) => AllowedPairs.Contains(pair);

    /// <summary>
    /// Whether a trade of <paramref name="tradeUsd"/> notional must wait for a person: every trade in phase 3 week 1,
    /// over $25 in week 2 ($25 exactly does not), none otherwise. Throws while trading is halted: no trade may be
    /// proposed then, approved or not.
    /// </summary>
    public bool RequiresApproval(decimal tradeUsd)
    {
        if (tradeUsd < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tradeUsd), tradeUsd, "A trade's notional in USD must not be negative.");
        }

        if (!TradingAllowed)
        {
            throw new InvalidOperationException($"No trade is allowed: {HaltReason}.");
        }

        return ApproveEveryTrade || tradeUsd > ApprovalAboveUsd;
    }

    /// <summary>When a trade queued at <paramref name="queuedAt"/> expires.</summary>
    public DateTime ApprovalExpiresAt(DateTime queuedAt) => queuedAt + ApprovalExpiry;

    /// <summary>
    /// <paramref name="constraints"/> (from the configuration) tightened by the stage: allowed pairs intersected, the
    /// lower of the two trades-per-day and single-order caps. While halted: no pairs, 0 trades, 0 USD per order.
    /// </summary>
    public TradingConstraints ApplyTo(TradingConstraints constraints)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        return constraints with
        {
            AllowedPairs = [.. constraints.AllowedPairs.Where(AllowsPair)],
            MaxTradesPerDay = Math.Min(constraints.MaxTradesPerDay, MaxTradesPerDay),
            MaxSingleOrderUsd = MaxSingleOrderUsd is { } cap ? Math.Min(constraints.MaxSingleOrderUsd, cap) : constraints.MaxSingleOrderUsd,
        };
    }

    /// <summary>
    /// The models to run: every active model in phase 2; in phases 3-4 the best model (or, when the selector has
    /// named none, the first active model) and the local fallback; nothing while halted (phase 1 included). Duplicates are removed.
    /// </summary>
    public IReadOnlyList<string> ModelsToRun(IReadOnlyList<string> activeModels, string? bestModel, string? localFallback)
    {
        ArgumentNullException.ThrowIfNull(activeModels);
        var models = Lineup switch
        {
            ModelLineup.AllActive => activeModels.ToList<string?>(),
            ModelLineup.BestWithFallback => new List<string?> { bestModel ?? activeModels.FirstOrDefault(), localFallback },
            _ => [],
        };
        return [.. models.OfType<string>().Where(m => !string.IsNullOrWhiteSpace(m)).Distinct(StringComparer.Ordinal)];
    }
}
