namespace TripleGain.Silo.Services;

public enum AlertLevel
{
    Info = 1,
    Warning = 2,
    Error = 3,
}
