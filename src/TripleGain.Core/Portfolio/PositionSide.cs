namespace TripleGain.Core.Portfolio;

public enum PositionSide
{
    Long = 1,
    Short = 2,
}
