using System.Text.Json.Nodes;

namespace TripleGain.Llm.Fakes;

/// <summary>A request the fake server received: path, headers, JSON body and arrival time on the test's clock.</summary>
public sealed record RecordedRequest(string Path, IReadOnlyDictionary<string, string> Headers, JsonNode? Body, DateTimeOffset Arrived)
{
    public string Model => Body?["model"]?.GetValue<string>() ?? "";
}
