namespace TripleGain.Journal;

/// <summary>
/// An order's life as the journal records it. Stored as "pending", "open", "partially_filled", "filled", "cancelled",
/// "rejected", "expired". Filled, Cancelled, Rejected and Expired are final: the journal refuses to move an order out of them.
/// </summary>
public enum OrderRecordStatus
{
    /// <summary>Journaled, not yet acknowledged by the exchange (the state written before execution).</summary>
    Pending = 1,
    Open = 2,
    PartiallyFilled = 3,
    Filled = 4,
    Cancelled = 5,
    Rejected = 6,
    Expired = 7,
}
