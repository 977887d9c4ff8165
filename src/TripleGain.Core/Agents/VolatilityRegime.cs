namespace TripleGain.Core.Agents;

public enum VolatilityRegime
{
    Unknown = 0,
    Low = 1,
    Normal = 2,
    High = 3,
    Extreme = 4,
}
