namespace TripleGain.Core.Agents;

/// <summary>The rule keys the coordinator gives decisions it drops (besides the risk rules of rejected verdicts).</summary>
public static class CoordinatorRules
{
    /// <summary>Outvoted, or the pair had no consensus (a tie or too little agreement).</summary>
    public const string Consensus = "consensus";

    /// <summary>Two orders of the cycle push the same asset (BTC or XRP) in opposite directions.</summary>
    public const string TriangleConflict = "triangle_conflict";

    /// <summary>Scaled down with other orders to fit the free funds or margin, it fell below the minimum order size.</summary>
    public const string OverAllocation = "over_allocation";
}
