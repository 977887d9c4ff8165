namespace TripleGain.Core.Exchange;

/// <summary>
/// Kraken's error strings, exactly as Kraken sends them in its <c>error</c> array (see
/// ../shared/reference/kraken/errors_and_rate_limits.json and docs.kraken.com/exchange/guides/general/errors).
/// Invalid-argument errors carry the parameter after a colon, as Kraken does (<c>EGeneral:Invalid arguments:volume</c>);
/// a price with too many decimals gets Kraken's own wording
/// (<c>EOrder:Invalid price:XBTUSDT price can only be specified up to 1 decimals.</c>).
/// </summary>
public static class KrakenErrors
{
    public const string InsufficientFunds = "EOrder:Insufficient funds";
    public const string OrderMinimumNotMet = "EOrder:Order minimum not met";
    public const string CostMinimumNotMet = "EOrder:Cost minimum not met";
    public const string InsufficientMargin = "EOrder:Insufficient margin";
    public const string UnknownOrder = "EOrder:Unknown order";
    public const string InvalidPrice = "EOrder:Invalid price";
    public const string UnknownAssetPair = "EQuery:Unknown asset pair";
    public const string InvalidArguments = "EGeneral:Invalid arguments";
    public const string ServiceUnavailable = "EService:Unavailable";

    /// <summary><c>EGeneral:Invalid arguments:&lt;parameter&gt;</c>, with Kraken's AddOrder parameter name (volume, price, leverage, ...).</summary>
    public static string InvalidArgument(string parameter) => $"{InvalidArguments}:{parameter}";

    /// <summary>Kraken's rejection of a price with more decimals than the pair allows.</summary>
    public static string InvalidPricePrecision(string exchangePairName, int decimals) =>
        $"{InvalidPrice}:{exchangePairName} price can only be specified up to {decimals} decimals.";
}
