namespace TripleGain.Core.Agents;

public enum RiskOutcome
{
    Approved = 1,
    Resized = 2,
    Rejected = 3,
}
