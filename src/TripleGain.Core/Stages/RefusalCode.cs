using System.Text.Json.Serialization;

namespace TripleGain.Core.Stages;

/// <summary>Why a transition was refused (<see cref="TransitionRefusal"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RefusalCode>))]
public enum RefusalCode
{
    /// <summary>The emergency stop is active: it must be resumed first.</summary>
    EmergencyStopped = 1,

    /// <summary>The account is paused: it must be resumed first.</summary>
    Paused = 2,

    /// <summary>The gate evaluation is not the gate of the current step.</summary>
    WrongGate = 3,

    /// <summary>Not every criterion and manual item of the gate passes.</summary>
    GateNotPassed = 4,

    /// <summary>Already at $2,100, the last stage.</summary>
    LastStage = 5,

    /// <summary>No live capital stage below the current one to roll back to.</summary>
    NoPreviousStage = 6,

    /// <summary>Halving applies only at full capital ($2,100).</summary>
    NotAtFullCapital = 7,

    /// <summary>A pause was asked for an account that is already paused.</summary>
    AlreadyPaused = 8,

    /// <summary>A resume was asked for an account that is not paused.</summary>
    NotPaused = 9,

    /// <summary>An emergency stop was asked while one is already active.</summary>
    AlreadyStopped = 10,

    /// <summary>An emergency resume was asked while no emergency stop is active.</summary>
    NotStopped = 11,

    /// <summary>The action needs a named person, not "system" or a blank name.</summary>
    PersonRequired = 12,
}
