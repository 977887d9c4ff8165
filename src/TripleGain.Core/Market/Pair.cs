using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace TripleGain.Core.Market;

/// <summary>A trading pair such as BTC/USDT: buying it buys <see cref="Base"/> and pays in <see cref="Quote"/>.</summary>
[JsonConverter(typeof(PairJsonConverter))]
public readonly record struct Pair(Asset Base, Asset Quote)
{
    public static readonly Pair BtcUsdt = new(Asset.BTC, Asset.USDT);
    public static readonly Pair XrpUsdt = new(Asset.XRP, Asset.USDT);
    public static readonly Pair XrpBtc = new(Asset.XRP, Asset.BTC);

    /// <summary>The three pairs of the triangle, in a fixed order.</summary>
    public static IReadOnlyList<Pair> All { get; } = [BtcUsdt, XrpUsdt, XrpBtc];

    /// <summary>"BTC/USDT".</summary>
    public string Symbol => $"{Base}/{Quote}";

    public override string ToString() => Symbol;

    /// <summary>Parses "BTC/USDT", "btc/usdt", "BTCUSDT", "XBT/USDT" (Kraken's name for bitcoin) or "BTC-USDT".</summary>
    public static Pair Parse(string text) =>
        TryParse(text, out var pair)
            ? pair
            : throw new FormatException($"Unknown pair '{text}'. Known pairs: {string.Join(", ", All)}.");

    public static bool TryParse([NotNullWhen(true)] string? text, out Pair pair)
    {
        pair = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalized = text.Trim().ToUpperInvariant().Replace("XBT", "BTC", StringComparison.Ordinal)
            .Replace("-", "/", StringComparison.Ordinal).Replace("_", "/", StringComparison.Ordinal);
        foreach (var candidate in All)
        {
            if (normalized == candidate.Symbol || normalized == $"{candidate.Base}{candidate.Quote}")
            {
                pair = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>A file- and key-friendly form: "BTC-USDT".</summary>
    public string FileName => $"{Base}-{Quote}";
}
