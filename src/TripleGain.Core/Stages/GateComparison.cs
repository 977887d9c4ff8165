using System.Text.Json.Serialization;

namespace TripleGain.Core.Stages;

/// <summary>How a criterion compares its live value with its threshold; both include the threshold itself.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GateComparison>))]
public enum GateComparison
{
    /// <summary>value &gt;= threshold.</summary>
    AtLeast = 1,

    /// <summary>value &lt;= threshold.</summary>
    AtMost = 2,
}
