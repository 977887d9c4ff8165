using System.Text.Json;
using System.Text.Json.Serialization;

namespace TripleGain.Core.Market;

/// <summary>Writes a <see cref="Pair"/> as its symbol ("BTC/USDT"), also as a dictionary key, and reads it back strictly.</summary>
public sealed class PairJsonConverter : JsonConverter<Pair>
{
    public override Pair Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.TokenType == JsonTokenType.String ? reader.GetString() : null);

    public override void Write(Utf8JsonWriter writer, Pair value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Symbol);
    }

    public override Pair ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, Pair value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.Symbol);
    }

    private static Pair Parse(string? text) =>
        Pair.TryParse(text, out var pair) ? pair : throw new JsonException($"'{text}' is not a known pair.");
}
