using TripleGain.Core.Portfolio;

namespace TripleGain.Core.Exchange;

/// <summary>
/// Everything needed to restore a <see cref="PaperExchange"/>, serializable with System.Text.Json: the account, all
/// orders (open and closed), the results by client order id (idempotency survives a restart), the last prices and the
/// id counters.
/// </summary>
public sealed record PaperExchangeState(
    AccountState Account,
    IReadOnlyList<Order> Orders,
    IReadOnlyDictionary<string, OrderResult> ResultsByClientOrderId,
    IReadOnlyList<PairPrice> Marks,
    long OrderSequence,
    long TradeSequence);
