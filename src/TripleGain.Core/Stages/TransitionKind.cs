using System.Text.Json.Serialization;

namespace TripleGain.Core.Stages;

/// <summary>What a <see cref="StageTransition"/> did.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TransitionKind>))]
public enum TransitionKind
{
    /// <summary>One step up the ladder, by a person, when the gate of that step passes.</summary>
    Promote = 1,

    /// <summary>One step down the ladder (drawdown of 10% of the stage's peak, or a person).</summary>
    Rollback = 2,

    /// <summary>Trading paused at the same stage (3 losing weeks, a 10% drawdown at $100, or a person).</summary>
    Pause = 3,

    /// <summary>A paused account trades again (a person).</summary>
    Resume = 4,

    /// <summary>Full capital $2,100 down to $1,000 after a 15% drawdown.</summary>
    Halve = 5,

    /// <summary>Everything halts until a named person resumes.</summary>
    EmergencyStop = 6,

    /// <summary>A named person lifts the emergency stop.</summary>
    EmergencyResume = 7,
}
