using System.Text.Json.Serialization;

namespace TripleGain.Grains.Stages;

/// <summary>
/// One change of the model trading an account: from which model (null: the configuration's choice) to which, who
/// ("system" for the automatic switch, or a person), why, when (market time), and the account's stage then (the
/// journal's stage transitions record it with the position unchanged).
/// </summary>
[GenerateSerializer, Immutable, Alias("triplegain.ModelChange")]
public sealed record ModelChange(
    [property: Id(0)] string? From,
    [property: Id(1)] string To,
    [property: Id(2)] string By,
    [property: Id(3)] string Reason,
    [property: Id(4)] DateTime At,
    [property: Id(5)] string StageLabel,
    [property: Id(6)] int Phase)
{
    /// <summary>The journal's reason of a model change starts with this: "Model: claude -> gpt-4o: &lt;why&gt;".</summary>
    public const string JournalPrefix = "Model: ";

    [JsonIgnore]
    public string JournalReason => $"{JournalPrefix}{From ?? "(configured)"} -> {To}: {Reason}";
}
