using TripleGain.Core.Market;

namespace TripleGain.Journal;

/// <summary>
/// One execution of an order (table <c>fills</c>). <see cref="ExchangeFillId"/> is unique: recording the same fill
/// twice is a no-op. <see cref="Price"/> is in the pair's quote asset, <see cref="Volume"/> in its base asset,
/// <see cref="Fee"/> in <see cref="FeeAsset"/>.
/// </summary>
public sealed record FillRecord(
    string ExchangeFillId,
    string ClientOrderId,
    decimal Price,
    decimal Volume,
    decimal Fee,
    Asset FeeAsset,
    FillLiquidity Liquidity,
    DateTime FilledAt);
