using System.Globalization;
using TripleGain.Core.Metrics;

namespace TripleGain.Core.Stages;

/// <summary>
/// The seed's automatic rollback rules, applied to live stages (phases 3-4) by "system":
/// <list type="number">
/// <item><b>Drawdown.</b> The deepest fall from a running peak among the equity points since
/// <see cref="StageStatus.MeasuredFrom"/> (the stage start or the last resume), measured at every point, in decimal:
/// a fall &gt;= 10% (exactly 10% included) rolls back to the previous capital stage ($200 -> phase 3 $100 restarts its
/// weeks). At $100 there is no live stage below, and going back to paper would discard the live set-up: the account is
/// <b>paused</b> instead and a person decides. At full capital ($2,100) the 10% rule does not apply; a fall &gt;= 15%
/// halves to $1,000 — the stage below in the list, not literally $1,050.</item>
/// <item><b>Losing weeks.</b> A run of 3 consecutive completed ISO weeks (UTC, Monday to Monday, wholly inside the
/// window; see <see cref="WeeklyReturns.Complete"/>) each ending below its start pauses trading.</item>
/// </list>
/// Both may fire at once: the capital step comes first, then the pause. A rule whose action is refused (already paused)
/// adds nothing, so evaluating the same curve again changes nothing. The rules also act while the emergency stop or a
/// pause is active (open positions still move); they do nothing in phases 1-2.
/// <para>The equity must be the stage's trading capital without deposits or withdrawals inside the window (a deposit
/// at promotion belongs before the new stage's start).</para>
/// </summary>
public static class RollbackRules
{
    /// <summary>Evaluates the rules at <paramref name="now"/> (UTC; no equity point may be later) and applies what fires.</summary>
    public static RollbackEvaluation Evaluate(StageStatus status, IReadOnlyList<EquityPoint> equity, DateTime now, RollbackSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(equity);
        settings ??= RollbackSettings.Default;
        StageStatus.RequireUtc(now, nameof(now));
        if (equity.Count > 0)
        {
            EquityCurve.Validate(equity);
            if (equity[^1].Timestamp > now)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"equity[{equity.Count - 1}] at {equity[^1].Timestamp:O} is later than now {now:O}: the curve cannot hold the future."),
                    nameof(equity));
            }
        }

        var fullCapital = status.Position == StagePosition.Scale2100;
        var limit = fullCapital ? settings.FullCapitalDrawdownLimit : settings.StageDrawdownLimit;
        if (!status.Position.IsLive)
        {
            return new RollbackEvaluation(status, [], null, 0, limit, [], 0);
        }

        decimal? peak = null;
        decimal deepest = 0, peakAtDeepest = 0, troughAtDeepest = 0;
        foreach (var point in equity)
        {
            if (point.Timestamp < status.MeasuredFrom)
            {
                continue;
            }

            if (peak is null || point.Equity >= peak)
            {
                peak = point.Equity;
                continue;
            }

            var depth = 1 - point.Equity / peak.Value;
            if (depth > deepest)
            {
                (deepest, peakAtDeepest, troughAtDeepest) = (depth, peak.Value, point.Equity);
            }
        }

        var weeks = WeeklyReturns.Complete(equity, status.MeasuredFrom, now);
        var losingRun = WeeklyReturns.LongestLosingRun(weeks);

        var current = status;
        var transitions = new List<StageTransition>();
        if (deepest >= limit)
        {
            var measured = string.Create(
                CultureInfo.InvariantCulture,
                $"drawdown {deepest * 100:0.00}% from the peak ${peakAtDeepest:0.00} (low ${troughAtDeepest:0.00}) reached the {limit * 100:0.##}% limit of {current.Position}");
            var result = fullCapital
                ? current.Halve(StageStatus.SystemActor, $"{measured}: halved to {StagePosition.Scale1000}", now)
                : current.Position.Previous is { IsLive: true } previous
                    ? current.RollBack(StageStatus.SystemActor, $"{measured}: back to {previous}", now)
                    : current.PauseTrading(StageStatus.SystemActor, $"{measured}: no live stage below, paused for a person to decide", now);
            Apply(result);
        }

        if (losingRun >= settings.LosingWeeksToPause && !current.IsPaused)
        {
            var run = FirstRun(weeks, settings.LosingWeeksToPause);
            Apply(current.PauseTrading(
                StageStatus.SystemActor,
                string.Create(CultureInfo.InvariantCulture, $"{settings.LosingWeeksToPause} consecutive losing weeks ({string.Join(", ", run)}): paused"),
                now));
        }

        return new RollbackEvaluation(current, transitions, peak, deepest, limit, weeks, losingRun);

        void Apply(TransitionResult result)
        {
            if (result.Applied)
            {
                current = result.Status;
                transitions.Add(result.Transition);
            }
        }
    }

    /// <summary>The first run of <paramref name="length"/> consecutive losing weeks.</summary>
    private static IEnumerable<WeeklyReturn> FirstRun(IReadOnlyList<WeeklyReturn> weeks, int length)
    {
        var run = 0;
        for (var i = 0; i < weeks.Count; i++)
        {
            run = weeks[i].IsLosing ? run + 1 : 0;
            if (run == length)
            {
                return weeks.Skip(i - length + 1).Take(length);
            }
        }

        return [];
    }
}
