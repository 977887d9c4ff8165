using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace TripleGain.Grains;

/// <summary>
/// Core's domain records (TripleGain.Core.*) cross grain boundaries and live in grain state without any Orleans
/// attribute: Orleans serializes them with System.Text.Json using these options, so Core stays free of Orleans.
/// </summary>
public static class CoreSerialization
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Registers the System.Text.Json codec for Core's types: silos and every cluster client call this.</summary>
    public static IServiceCollection AddCoreSerialization(this IServiceCollection services) =>
        services.AddSerializer(serializer => serializer.AddJsonSerializer(IsCoreType, Options));

    public static bool IsCoreType(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Namespace is { } ns && ns.StartsWith("TripleGain.Core", StringComparison.Ordinal);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
