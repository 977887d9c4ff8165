namespace TripleGain.Core.Market;

public enum CandleFileFormat
{
    /// <summary>Decide from the first line: a header means <see cref="Csv"/>, numbers mean <see cref="Kraken"/>.</summary>
    Auto = 0,

    /// <summary>Kraken's downloadable OHLCVT: <c>timestamp,open,high,low,close,volume,trades</c>, Unix seconds, no header.</summary>
    Kraken = 1,

    /// <summary>Headered CSV <c>timestamp,open,high,low,close,volume</c>; timestamps ISO-8601 or Unix seconds.</summary>
    Csv = 2,
}
