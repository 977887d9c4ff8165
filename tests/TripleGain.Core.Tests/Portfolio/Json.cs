using System.Text.Json;

namespace TripleGain.Core.Tests.Portfolio;

/// <summary>System.Text.Json with default options, as the silo persists state.</summary>
internal static class Json
{
    public static string Of<T>(T value) => JsonSerializer.Serialize(value);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json) ?? throw new InvalidOperationException($"JSON for {typeof(T).Name} was null.");
}
