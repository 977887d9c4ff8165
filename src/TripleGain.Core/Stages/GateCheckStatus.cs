using System.Text.Json.Serialization;

namespace TripleGain.Core.Stages;

/// <summary>The result of one automated criterion.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GateCheckStatus>))]
public enum GateCheckStatus
{
    /// <summary>The value is missing (not measured yet): the gate cannot pass.</summary>
    Unknown = 0,

    Pass = 1,

    Fail = 2,
}
