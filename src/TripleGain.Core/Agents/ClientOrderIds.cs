using System.Text;
using TripleGain.Core.Market;

namespace TripleGain.Core.Agents;

/// <summary>
/// Deterministic idempotency keys: "c{cycle}-{owner}-{pair}-{action}", e.g. "c42-baseline-XRP-USDT-buy", where owner is
/// the model id, "consensus" or "rebalance". Characters other than letters, digits, '-', '.' and '_' become '_'.
/// The same cycle, owner, pair and action always give the same key, so a repeated cycle cannot place an order twice.
/// </summary>
internal static class ClientOrderIds
{
    public static string For(string cycleId, string owner, Pair pair, string action) =>
        $"c{Clean(cycleId)}-{Clean(owner)}-{pair.FileName}-{action}";

    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_');
        }

        return builder.ToString();
    }

    public static void RequireCycleId(string cycleId, string paramName)
    {
        if (string.IsNullOrWhiteSpace(cycleId))
        {
            throw new ArgumentException("The cycle id must not be empty: it makes the orders' idempotency keys.", paramName);
        }
    }
}
