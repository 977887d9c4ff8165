using TripleGain.Core.Agents;
using TripleGain.Core.Market;

namespace TripleGain.Journal;

/// <summary>
/// Which decisions a query returns: every non-null criterion must match. <see cref="From"/> is inclusive and
/// <see cref="To"/> exclusive (UTC).
/// </summary>
public sealed record DecisionFilter(
    string? AccountId = null,
    string? ModelId = null,
    Pair? Pair = null,
    TradeAction? Action = null,
    ParseStatus? ParseStatus = null,
    DateTime? From = null,
    DateTime? To = null)
{
    public static DecisionFilter All { get; } = new();
}
