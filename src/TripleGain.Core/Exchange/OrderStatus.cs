namespace TripleGain.Core.Exchange;

public enum OrderStatus
{
    /// <summary>Accepted and waiting to fill (market orders wait for the next candle).</summary>
    Open = 1,

    /// <summary>Filled completely, once.</summary>
    Filled = 2,

    /// <summary>Canceled by the client, by one-cancels-the-other, or by the exchange at fill time (the reason says which).</summary>
    Canceled = 3,
}
