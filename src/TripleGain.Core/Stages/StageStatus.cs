using System.Globalization;
using System.Text.Json.Serialization;

namespace TripleGain.Core.Stages;

/// <summary>
/// Where an account stands on the operator's journey: its <see cref="Position"/> (phase and capital stage), when the
/// phase and the capital stage began, the emergency stop and pause flags, and the history of every transition.
/// Immutable and serializable with System.Text.Json (the StageGrain persists it as is); every change goes through a
/// transition method that returns a new status with the transition appended, or the unchanged status with a typed
/// refusal (<see cref="TransitionResult"/>).
/// <para><b>Time.</b> All times are UTC (unspecified kinds are read as UTC, local times are refused). A transition's
/// time must not be earlier than the last one in the history.</para>
/// <para><b>Who.</b> Promote, resume and emergency resume need a named person: a blank name or
/// <see cref="SystemActor"/> is refused (<see cref="RefusalCode.PersonRequired"/>). Rollback, halve, pause and the
/// emergency stop may also be done by "system" (the automatic rules).</para>
/// <para><b>Windows.</b> <see cref="PhaseStartedAt"/> resets when the phase changes (so a rollback from $200 to $100
/// re-enters phase 3 at week 1, with every trade approved by a person again); <see cref="StageStartedAt"/> resets on
/// every change of capital stage; <see cref="MeasuredFrom"/>, the start of the window the rollback rules measure
/// (peak equity, losing weeks), resets with the stage and on <see cref="ResumeTrading"/>, so that a resumed account is
/// not paused again at once for the same losses.</para>
/// </summary>
public sealed record StageStatus
{
    /// <summary>The actor name of automatic transitions.</summary>
    public const string SystemActor = "system";

    /// <summary>Creates a status; throws when a time is local, the windows are out of order or the history is null.</summary>
    [JsonConstructor]
    public StageStatus(
        StagePosition position,
        DateTime phaseStartedAt,
        DateTime stageStartedAt,
        DateTime measuredFrom,
        EmergencyStop? stop,
        TradingPause? pause,
        IReadOnlyList<StageTransition> history)
    {
        RequireUtc(phaseStartedAt, nameof(phaseStartedAt));
        RequireUtc(stageStartedAt, nameof(stageStartedAt));
        RequireUtc(measuredFrom, nameof(measuredFrom));
        if (stageStartedAt < phaseStartedAt || measuredFrom < stageStartedAt)
        {
            throw new ArgumentException(
                Invariant($"The windows must nest: phaseStartedAt {phaseStartedAt:O} <= stageStartedAt {stageStartedAt:O} <= measuredFrom {measuredFrom:O}."),
                nameof(stageStartedAt));
        }

        ArgumentNullException.ThrowIfNull(history);
        for (var i = 0; i < history.Count; i++)
        {
            if (history[i] is null)
            {
                throw new ArgumentException(Invariant($"history[{i}] is null."), nameof(history));
            }
        }

        if (!StagePosition.Ladder.Contains(position))
        {
            throw new ArgumentException($"{position.Phase}/{position.Capital} is not a position of the stage ladder.", nameof(position));
        }

        Position = position;
        PhaseStartedAt = phaseStartedAt;
        StageStartedAt = stageStartedAt;
        MeasuredFrom = measuredFrom;
        Stop = stop;
        Pause = pause;
        History = history;
    }

    /// <summary>The phase and the capital stage.</summary>
    public StagePosition Position { get; init; }

    /// <summary>When the current phase began (UTC); weeks of phase 3 count from here.</summary>
    public DateTime PhaseStartedAt { get; init; }

    /// <summary>When the current capital stage (position) began (UTC).</summary>
    public DateTime StageStartedAt { get; init; }

    /// <summary>Start of the window of the rollback rules: the stage start or the last resume from a pause, whichever is later.</summary>
    public DateTime MeasuredFrom { get; init; }

    /// <summary>The active emergency stop, or null.</summary>
    public EmergencyStop? Stop { get; init; }

    /// <summary>The active pause, or null.</summary>
    public TradingPause? Pause { get; init; }

    /// <summary>Every transition, oldest first.</summary>
    public IReadOnlyList<StageTransition> History { get; init; }

    [JsonIgnore]
    public Phase Phase => Position.Phase;

    [JsonIgnore]
    public CapitalStage Capital => Position.Capital;

    [JsonIgnore]
    public bool IsEmergencyStopped => Stop is not null;

    [JsonIgnore]
    public bool IsPaused => Pause is not null;

    /// <summary>
    /// A fresh account at <paramref name="now"/> in phase 1 or 2 (live phases are reached only through promotion).
    /// The silo starts in <see cref="Phase.PaperTrading"/>: a fresh machine paper-trades at once.
    /// </summary>
    public static StageStatus Start(DateTime now, Phase phase = Phase.PaperTrading)
    {
        RequireUtc(now, nameof(now));
        if (phase is not (Phase.Foundation or Phase.PaperTrading))
        {
            throw new ArgumentOutOfRangeException(nameof(phase), phase, "An account starts in phase 1 (Foundation) or 2 (PaperTrading); live phases are reached by promotion.");
        }

        var utc = AsUtc(now);
        return new StageStatus(new StagePosition(phase, CapitalStage.None), utc, utc, utc, null, null, []);
    }

    /// <summary>
    /// The week within the current phase, 1-based, in whole 7-day periods from <see cref="PhaseStartedAt"/> (not
    /// calendar weeks): [start, start + 7 days) is week 1, start + 7 days exactly is week 2. A <paramref name="now"/>
    /// before the start (clock skew between silos) counts as week 1, the most supervised week.
    /// </summary>
    public int WeekOfPhase(DateTime now)
    {
        RequireUtc(now, nameof(now));
        var elapsed = AsUtc(now) - PhaseStartedAt;
        return elapsed <= TimeSpan.Zero ? 1 : (int)(elapsed.Ticks / TimeSpan.TicksPerDay / 7) + 1;
    }

    /// <summary>Days (fractional) since the phase began; 0 when <paramref name="now"/> is earlier.</summary>
    public double DaysInPhase(DateTime now) => DaysSince(PhaseStartedAt, now);

    /// <summary>Days (fractional) since the capital stage began; 0 when <paramref name="now"/> is earlier.</summary>
    public double DaysAtStage(DateTime now) => DaysSince(StageStartedAt, now);

    /// <summary>
    /// One step up the ladder, to the next phase or capital stage, when <paramref name="gate"/> is the evaluation of
    /// exactly that step and passes. Refused while stopped or paused, at $2,100, without a named person, with another
    /// step's gate or a failing gate.
    /// </summary>
    public TransitionResult Promote(GateEvaluation gate, string by, string reason, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(gate);
        var at = CheckTransitionInput(by, reason, now);
        if (Stop is not null)
        {
            return TransitionResult.Refused(this, RefusalCode.EmergencyStopped, $"The emergency stop set by {Stop.By} is active: resume it before promoting.");
        }

        if (Pause is not null)
        {
            return TransitionResult.Refused(this, RefusalCode.Paused, $"Trading is paused ({Pause.Reason}): resume it before promoting.");
        }

        if (Position.Next is not { } next)
        {
            return TransitionResult.Refused(this, RefusalCode.LastStage, $"{Position} is the last stage: there is nothing to promote to.");
        }

        if (!IsPerson(by))
        {
            return PersonRefusal("promote", by);
        }

        if (gate.Gate.From != Position || gate.Gate.To != next)
        {
            return TransitionResult.Refused(
                this,
                RefusalCode.WrongGate,
                $"The evaluation is of gate '{gate.Gate.Id}' ({gate.Gate.From} -> {gate.Gate.To}), but the next step is {Position} -> {next}.");
        }

        if (!gate.Passed)
        {
            return TransitionResult.Refused(
                this,
                RefusalCode.GateNotPassed,
                $"Gate '{gate.Gate.Id}' does not pass: {string.Join("; ", gate.Blockers)}.");
        }

        return Move(next, TransitionKind.Promote, by, reason, at);
    }

    /// <summary>
    /// One step down to the live capital stage below (from $200 back to phase 3 micro-live $100, restarting its weeks).
    /// Allowed while stopped or paused (the flags stay). Refused at $100 and in phases 1-2
    /// (<see cref="RefusalCode.NoPreviousStage"/>): the rollback rules pause there instead.
    /// </summary>
    public TransitionResult RollBack(string by, string reason, DateTime now)
    {
        var at = CheckTransitionInput(by, reason, now);
        if (Position.Previous is not { IsLive: true } previous)
        {
            return TransitionResult.Refused(this, RefusalCode.NoPreviousStage, $"{Position} has no live capital stage below it to roll back to.");
        }

        return Move(previous, TransitionKind.Rollback, by, reason, at);
    }

    /// <summary>
    /// Full capital $2,100 down to $1,000: "half capital" taken from the stage list rather than literally $1,050.
    /// Refused at any other stage (<see cref="RefusalCode.NotAtFullCapital"/>).
    /// </summary>
    public TransitionResult Halve(string by, string reason, DateTime now)
    {
        var at = CheckTransitionInput(by, reason, now);
        if (Position != StagePosition.Scale2100)
        {
            return TransitionResult.Refused(this, RefusalCode.NotAtFullCapital, $"Halving applies only at full capital ({StagePosition.Scale2100}); the account is at {Position}.");
        }

        return Move(StagePosition.Scale1000, TransitionKind.Halve, by, reason, at);
    }

    /// <summary>Pauses trading at the current stage (a person or "system"). Refused when already paused.</summary>
    public TransitionResult PauseTrading(string by, string reason, DateTime now)
    {
        var at = CheckTransitionInput(by, reason, now);
        if (Pause is not null)
        {
            return TransitionResult.Refused(this, RefusalCode.AlreadyPaused, $"Trading is already paused since {Pause.At:O} by {Pause.By}: {Pause.Reason}.");
        }

        return Flag(TransitionKind.Pause, this with { Pause = new TradingPause(by, at, reason) }, by, reason, at);
    }

    /// <summary>
    /// Resumes a paused account (a named person); the rollback rules measure afresh from now. Refused when not paused,
    /// while the emergency stop is active, or without a named person.
    /// </summary>
    public TransitionResult ResumeTrading(string by, string reason, DateTime now)
    {
        var at = CheckTransitionInput(by, reason, now);
        if (Stop is not null)
        {
            return TransitionResult.Refused(this, RefusalCode.EmergencyStopped, $"The emergency stop set by {Stop.By} is active: resume it first.");
        }

        if (Pause is null)
        {
            return TransitionResult.Refused(this, RefusalCode.NotPaused, "Trading is not paused.");
        }

        if (!IsPerson(by))
        {
            return PersonRefusal("resume trading", by);
        }

        return Flag(TransitionKind.Resume, this with { Pause = null, MeasuredFrom = at }, by, reason, at);
    }

    /// <summary>Sets the emergency stop (a person or "system"): nothing trades, nothing is promoted. Refused when already set.</summary>
    public TransitionResult StopEmergency(string by, string reason, DateTime now)
    {
        var at = CheckTransitionInput(by, reason, now);
        if (Stop is not null)
        {
            return TransitionResult.Refused(this, RefusalCode.AlreadyStopped, $"The emergency stop is already active since {Stop.At:O} by {Stop.By}: {Stop.Reason}.");
        }

        return Flag(TransitionKind.EmergencyStop, this with { Stop = new EmergencyStop(by, at, reason) }, by, reason, at);
    }

    /// <summary>Lifts the emergency stop; only a named person may. A pause, if any, stays.</summary>
    public TransitionResult ResumeEmergency(string by, string reason, DateTime now)
    {
        var at = CheckTransitionInput(by, reason, now);
        if (Stop is null)
        {
            return TransitionResult.Refused(this, RefusalCode.NotStopped, "No emergency stop is active.");
        }

        if (!IsPerson(by))
        {
            return PersonRefusal("lift the emergency stop", by);
        }

        return Flag(TransitionKind.EmergencyResume, this with { Stop = null }, by, reason, at);
    }

    /// <summary>True for a non-blank name other than <see cref="SystemActor"/>.</summary>
    public static bool IsPerson(string? by) =>
        !string.IsNullOrWhiteSpace(by) && !string.Equals(by.Trim(), SystemActor, StringComparison.OrdinalIgnoreCase);

    public bool Equals(StageStatus? other) =>
        other is not null
        && Position == other.Position
        && PhaseStartedAt == other.PhaseStartedAt
        && StageStartedAt == other.StageStartedAt
        && MeasuredFrom == other.MeasuredFrom
        && Equals(Stop, other.Stop)
        && Equals(Pause, other.Pause)
        && History.SequenceEqual(other.History);

    public override int GetHashCode() => HashCode.Combine(Position, PhaseStartedAt, StageStartedAt, MeasuredFrom, Stop, Pause, History.Count);

    internal static DateTime AsUtc(DateTime time) => time.Kind == DateTimeKind.Utc ? time : DateTime.SpecifyKind(time, DateTimeKind.Utc);

    internal static void RequireUtc(DateTime time, string name)
    {
        if (time.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException(Invariant($"{name} is the local time {time:O}: times must be UTC."), name);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private double DaysSince(DateTime start, DateTime now)
    {
        RequireUtc(now, nameof(now));
        var elapsed = AsUtc(now) - start;
        return elapsed <= TimeSpan.Zero ? 0 : elapsed.TotalDays;
    }

    private DateTime CheckTransitionInput(string by, string reason, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(by))
        {
            throw new ArgumentException("Who made the transition is blank: name a person or \"system\".", nameof(by));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("The reason of the transition is blank: every transition records why.", nameof(reason));
        }

        RequireUtc(now, nameof(now));
        var at = AsUtc(now);
        if (History.Count > 0 && at < History[^1].At)
        {
            throw new ArgumentException(
                Invariant($"now {at:O} is earlier than the last transition at {History[^1].At:O}: transitions must be in time order."), nameof(now));
        }

        if (at < MeasuredFrom)
        {
            throw new ArgumentException(Invariant($"now {at:O} is earlier than the current window's start {MeasuredFrom:O}."), nameof(now));
        }

        return at;
    }

    private TransitionResult PersonRefusal(string action, string by) =>
        TransitionResult.Refused(this, RefusalCode.PersonRequired, $"Only a named person may {action}; '{by}' is not one.");

    private TransitionResult Move(StagePosition to, TransitionKind kind, string by, string reason, DateTime at)
    {
        var transition = new StageTransition(Position, to, kind, reason, by, at);
        var moved = this with
        {
            Position = to,
            PhaseStartedAt = to.Phase == Phase ? PhaseStartedAt : at,
            StageStartedAt = at,
            MeasuredFrom = at,
            History = [.. History, transition],
        };
        return TransitionResult.Done(moved, transition);
    }

    private TransitionResult Flag(TransitionKind kind, StageStatus changed, string by, string reason, DateTime at)
    {
        var transition = new StageTransition(Position, Position, kind, reason, by, at);
        return TransitionResult.Done(changed with { History = [.. History, transition] }, transition);
    }
}
