namespace TripleGain.Grains.Approvals;

/// <summary>What an approve or reject did.</summary>
[GenerateSerializer, Alias("triplegain.ApprovalOutcome")]
public enum ApprovalOutcome
{
    /// <summary>Approved, the risk check passed at the current price, and the exchange accepted the order.</summary>
    Placed = 1,

    /// <summary>Approved and sent, but the exchange rejected the order (e.g. insufficient funds); the approval stands.</summary>
    OrderRejected = 2,

    /// <summary>The person's rejection is recorded.</summary>
    Rejected = 3,

    /// <summary>No such item in this account's queue.</summary>
    NotFound = 4,

    /// <summary>The item was approved, rejected or expired before; nothing happened (never executed twice).</summary>
    AlreadyDecided = 5,

    /// <summary>The item's expiry has passed: it is now marked expired and cannot be approved.</summary>
    Expired = 6,

    /// <summary>Trading is halted (emergency stop or pause): nothing may be approved now; the item stays pending.</summary>
    TradingHalted = 7,

    /// <summary>The risk check at the current price refused the trade (see the verdict's rule); the item stays pending.</summary>
    RiskRefused = 8,

    /// <summary>Only a named person may approve or reject ("system" or a blank name may not).</summary>
    PersonRequired = 9,
}
