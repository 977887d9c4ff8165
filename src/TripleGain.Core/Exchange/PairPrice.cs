using TripleGain.Core.Market;

namespace TripleGain.Core.Exchange;

/// <summary>The last known price of a pair (a serializable dictionary entry).</summary>
public sealed record PairPrice(Pair Pair, decimal Price);
