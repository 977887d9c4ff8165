namespace TripleGain.Grains.Approvals;

/// <summary>Where a queued trade stands. Only Pending changes, once.</summary>
[GenerateSerializer, Alias("triplegain.ApprovalItemStatus")]
public enum ApprovalItemStatus
{
    /// <summary>Waiting for a person until its expiry.</summary>
    Pending = 1,

    /// <summary>A person approved it and the risk check passed at the price then: it was (or is being) placed.</summary>
    Approved = 2,

    /// <summary>A person rejected it.</summary>
    Rejected = 3,

    /// <summary>Nobody decided before its expiry; it can no longer be approved.</summary>
    Expired = 4,
}
