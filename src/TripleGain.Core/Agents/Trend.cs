namespace TripleGain.Core.Agents;

public enum Trend
{
    Unknown = 0,
    StrongDown = 1,
    Down = 2,
    Sideways = 3,
    Up = 4,
    StrongUp = 5,
}
