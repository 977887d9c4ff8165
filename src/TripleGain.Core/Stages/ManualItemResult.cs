using System.Text.Json.Serialization;

namespace TripleGain.Core.Stages;

/// <summary>One manual checklist item with the person's tick, or null when not ticked yet.</summary>
public sealed record ManualItemResult(ManualGateItem Item, ManualTick? Tick)
{
    [JsonIgnore]
    public bool Ticked => Tick is not null;
}
