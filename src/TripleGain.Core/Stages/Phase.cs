using System.Text.Json.Serialization;

namespace TripleGain.Core.Stages;

/// <summary>
/// The four phases of the operator's journey. The numbers are the seed's phase numbers and never change; the JSON form
/// is the name ("MicroLive").
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<Phase>))]
public enum Phase
{
    /// <summary>Phase 1: the system is being built and verified; simulated and paper trading only, no live capital.</summary>
    Foundation = 1,

    /// <summary>Phase 2: every active model trades its own paper account in parallel (30+ days) to find the best one.</summary>
    PaperTrading = 2,

    /// <summary>Phase 3: $100 live at Kraken with the best model and a local fallback; weeks 1-2 under human approval.</summary>
    MicroLive = 3,

    /// <summary>Phase 4: live capital stages $200 -> $500 -> $1,000 -> $2,100, promoted by the operator when the gates pass.</summary>
    Scale = 4,
}
