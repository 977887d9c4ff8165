using System.Text.Json.Serialization;
using TripleGain.Core.Exchange;
using TripleGain.Core.Market;
using TripleGain.Core.Portfolio;

namespace TripleGain.Grains.Portfolio;

/// <summary>
/// A paper account's persisted state: the paper exchange (account, orders, idempotency map, marks), the last candle
/// applied per pair, and the cycles already executed (so a cycle retried after a crash never executes twice).
/// One write stores all of it, so an order and the cycle that placed it are saved together.
/// <para>The journal outbox: the grain state is the commit point, the journal follows it. Fills from
/// <see cref="JournalledFills"/> on, <see cref="UnjournalledOrders"/> and <see cref="UnjournalledSnapshot"/> are
/// written with the state that made them and journalled after it (idempotently, by fill id, client order id and
/// timestamp), so a crash or a journal error between the two never loses them: the next call journals them again.</para>
/// </summary>
[GenerateSerializer, Alias("triplegain.PortfolioState")]
public sealed record PortfolioState
{
    [Id(0)] public PaperExchangeState? Exchange { get; init; }
    [Id(1)] public IReadOnlyDictionary<Pair, DateTime> LastCandle { get; init; } = new Dictionary<Pair, DateTime>();
    [Id(2)] public IReadOnlyList<string> ExecutedCycles { get; init; } = [];
    [Id(3)] public DateTime? LastEquitySnapshotAt { get; init; }
    [Id(4)] public DateTime? CreatedAt { get; init; }

    /// <summary>Every fill since the account opened, in order: round trips (closed trades) are replayed from them.</summary>
    [Id(5)] public IReadOnlyList<Fill> Fills { get; init; } = [];

    /// <summary>How many of <see cref="Fills"/> are journalled for sure; the rest are in the outbox.</summary>
    [Id(6)] public int JournalledFills { get; init; }

    /// <summary>Orders whose journal status must still be brought up to the exchange's.</summary>
    [Id(7)] public IReadOnlyList<PendingOrderStatus> UnjournalledOrders { get; init; } = [];

    /// <summary>An equity snapshot taken but not journalled yet.</summary>
    [Id(8)] public PortfolioSnapshot? UnjournalledSnapshot { get; init; }

    /// <summary>True when the journal still lacks something of this state.</summary>
    [JsonIgnore]
    public bool HasUnjournalled => JournalledFills < Fills.Count || UnjournalledOrders.Count > 0 || UnjournalledSnapshot is not null;
}
